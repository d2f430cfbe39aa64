import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NOT_CONNECTED, statusOf } from '../../auth/connection-status';
import { GhlError } from '../../ghl/ghl-error';
import { createMessageRouter, type CheckedHandlers } from '@/entrypoints/background/message-router';
import { MessageError, sendMessage } from '../send-message';

const connected = statusOf({
  kind: 'pit',
  locationId: 'loc1',
  scopes: ['contacts.readonly', 'contacts.write'],
  connectedAt: 1,
  health: { state: 'ok' },
});

/** The background's listener in these tests: answers every message with `reply`. */
function answerWith(reply: unknown) {
  const seen: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    seen.push(message);
    return reply;
  });
  return seen;
}

async function failureOf(promise: Promise<unknown>): Promise<MessageError> {
  const error = await promise.then(
    () => expect.unreachable('the message should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MessageError);
  return error as MessageError;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sendMessage', () => {
  it('sends the type and payload and returns the validated answer', async () => {
    const seen = answerWith({ ok: true, value: connected });
    await expect(sendMessage('connection/disconnect', { wipeCache: false })).resolves.toEqual(
      connected,
    );
    expect(seen).toEqual([{ type: 'connection/disconnect', payload: { wipeCache: false } }]);
  });

  it('turns an error reply into a MessageError with its kind and message', async () => {
    answerWith({ ok: false, error: { kind: 'connect', message: 'Paste the token.' } });
    const error = await failureOf(sendMessage('connection/replace-token', { token: 'x' }));
    expect(error.kind).toBe('connect');
    expect(error.message).toBe('Paste the token.');
    expect(error.name).toBe('MessageError');
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a bare value instead of a reply', connected],
    ['a reply without ok', { value: connected }],
    ['an error reply without a message', { ok: false, error: { kind: 'connect' } }],
    ['an answer of the wrong shape', { ok: true, value: { state: 'connected' } }],
    ['an answer for another message', { ok: true, value: { clientId: 'c' } }],
    ['a string', 'ok'],
  ])('rejects %s as invalid', async (_name, reply) => {
    answerWith(reply);
    const error = await failureOf(sendMessage('connection/status', {}));
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe('The background answered unexpectedly.');
  });

  it('says the background is not answering when nothing listens', async () => {
    const error = await failureOf(sendMessage('connection/status', {}));
    expect(error.kind).toBe('unreachable');
  });

  it('works end to end with the router: answer and GhlError', async () => {
    const extensionId = fakeBrowser.runtime.id;
    const handlers = {
      'connection/status': async () => NOT_CONNECTED,
      'connection/check': async () => {
        throw new GhlError('reconnect-needed', 'connection');
      },
    } as unknown as CheckedHandlers;
    const route = createMessageRouter(handlers, {
      extensionId,
      extensionOrigin: `chrome-extension://${extensionId}`,
      trintOrigins: ['https://app.trint.com', 'https://app.eu.trint.com'],
    });
    // fakeBrowser passes no sender; this listener supplies the popup's, as Chrome would.
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      route(message, { id: extensionId, url: `chrome-extension://${extensionId}/popup.html` }),
    );
    await expect(sendMessage('connection/status', {})).resolves.toEqual(NOT_CONNECTED);
    const error = await failureOf(sendMessage('connection/check', {}));
    expect(error.kind).toBe('reconnect-needed');
    expect(error.message).toBe('The GHL connection has stopped working. Connect again.');
  });
});
