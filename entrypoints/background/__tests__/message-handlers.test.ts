import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ConnectError } from '@/utils/auth/connect-error';
import type { ConnectionService } from '@/utils/auth/connection-service';
import { NOT_CONNECTED, type ConnectionStatus } from '@/utils/auth/connection-status';
import { createCredentialStore } from '@/utils/auth/credential-store';
import { createMessageHandlers } from '../message-handlers';
import { LAST_CONNECT_ERROR_KEY } from '@/utils/storage/last-connect-error-item';

const CONNECTED: ConnectionStatus = {
  state: 'connected',
  kind: 'oauth',
  locationId: 'loc1',
  scopes: ['contacts.readonly'],
  canWrite: false,
  since: 0,
};
let dbCount = 0;

function handlersWith(connectOAuth: () => Promise<ConnectionStatus>) {
  const connection = {
    connectOAuth,
    connectSandbox: () => Promise.resolve(CONNECTED),
    forgetClient: vi.fn(),
  } as unknown as ConnectionService;
  const store = createCredentialStore(`handlers-test-${(dbCount += 1)}`);
  vi.spyOn(browser.identity, 'getRedirectURL').mockReturnValue('https://id.chromiumapp.org/');
  // The sync messages are covered by their own tests; these are about connecting.
  const sync = {} as Parameters<typeof createMessageHandlers>[2];
  return { handlers: createMessageHandlers(connection, store, sync), connection };
}

const stored = async () =>
  (await browser.storage.session.get(LAST_CONNECT_ERROR_KEY))[LAST_CONNECT_ERROR_KEY];

describe('background message handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a failed OAuth sign-in for the popup that the GHL window closed', async () => {
    const { handlers } = handlersWith(() =>
      Promise.reject(new ConnectError('Access was not granted in GHL. Nothing was saved.')),
    );
    await expect(
      handlers['connection/connect-oauth']({ readOnly: false }, 'extension-page'),
    ).rejects.toThrow('Access was not granted');
    expect(await stored()).toMatchObject({
      message: 'Access was not granted in GHL. Nothing was saved.',
    });
  });

  it('keeps only a safe message for an unexpected failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { handlers } = handlersWith(() =>
      Promise.reject(new Error('token pit-secret-123 leaked')),
    );
    await expect(
      handlers['connection/connect-oauth']({ readOnly: false }, 'extension-page'),
    ).rejects.toThrow();
    expect(JSON.stringify(await stored())).not.toContain('pit-secret-123');
    expect(JSON.stringify(logged.mock.calls)).not.toContain('pit-secret-123');
  });

  it('answers a successful sign-in with the status, and forgets an earlier failure', async () => {
    const { handlers } = handlersWith(() => Promise.resolve(CONNECTED));
    await browser.storage.session.set({ [LAST_CONNECT_ERROR_KEY]: { message: 'old', at: 1 } });
    await expect(
      handlers['connection/connect-oauth']({ readOnly: true }, 'extension-page'),
    ).resolves.toEqual(CONNECTED);
    expect(await stored()).toBeUndefined();
  });

  it('forgets an earlier sign-in failure once connected another way', async () => {
    const { handlers } = handlersWith(() => Promise.reject(new Error('unused')));
    await browser.storage.session.set({ [LAST_CONNECT_ERROR_KEY]: { message: 'old', at: 1 } });
    await handlers['connection/connect-sandbox']({}, 'extension-page');
    expect(await stored()).toBeUndefined();
  });

  it('forgets an old sign-in failure, and the cached client, when the OAuth app is saved', async () => {
    const { handlers, connection } = handlersWith(() => Promise.resolve(NOT_CONNECTED));
    await browser.storage.session.set({ [LAST_CONNECT_ERROR_KEY]: { message: 'old', at: 1 } });
    const view = await handlers['oauth-app/save'](
      { clientId: 'client-1', exchange: 'broker', brokerUrl: 'https://broker.example.com/' },
      'extension-page',
    );
    expect(view).toMatchObject({
      clientId: 'client-1',
      brokerUrl: 'https://broker.example.com',
      hasClientSecret: false,
      redirectUri: 'https://id.chromiumapp.org/',
      extensionOrigin: expect.stringMatching(/^chrome-extension:\/\//),
    });
    expect(await stored()).toBeUndefined();
    expect(connection.forgetClient).toHaveBeenCalledOnce();
  });
});
