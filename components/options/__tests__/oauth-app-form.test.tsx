// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { OAuthAppView } from '@/utils/messaging/protocol';
import { button, click, mount, settle, textOf, type } from '../../sync/__tests__/render-page';
import { OAuthAppForm } from '../oauth-app-form';

const STORED: OAuthAppView = {
  clientId: 'stored-client',
  exchange: 'broker',
  brokerUrl: 'https://broker.example.com',
  hasClientSecret: false,
  redirectUri: 'https://id.chromiumapp.org/',
  extensionOrigin: 'chrome-extension://id',
};

/** A background whose answer to `oauth-app/get` waits until the test releases it. */
function slowBackground() {
  let release = () => {};
  const answered = new Promise<void>((resolve) => (release = resolve));
  const saved: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, payload } = message as { type: string; payload: Record<string, unknown> };
    if (type === 'oauth-app/get') return answered.then(() => ({ ok: true, value: STORED }));
    if (type === 'oauth-app/save') {
      saved.push(payload);
      return Promise.resolve({ ok: true, value: { ...STORED, clientId: payload.clientId } });
    }
    return undefined;
  });
  return { release, saved };
}

/** The input inside the label that starts with `text`. */
const input = (page: Element, text: string) => {
  const label = [...page.querySelectorAll('label')].find((l) => textOf(l).startsWith(text));
  if (!label) throw new Error(`No control labelled ${text}`);
  return label.querySelector('input')!;
};

let unmount = () => {};

describe('OAuthAppForm', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => unmount());

  it('keeps its fields disabled until the stored app arrives, so nothing typed is overwritten', async () => {
    const background = slowBackground();
    const page = await mount(<OAuthAppForm />);
    unmount = page.unmount;
    await settle();
    expect(input(page.container, 'Client id').disabled).toBe(true);
    expect(button(page.container, 'Save').disabled).toBe(true);

    background.release();
    await settle();
    const clientId = input(page.container, 'Client id');
    expect(clientId.disabled).toBe(false);
    expect(clientId.value).toBe('stored-client');

    await type(clientId, 'typed-client');
    await settle();
    expect(input(page.container, 'Client id').value).toBe('typed-client');
    await click(button(page.container, 'Save'));
    expect(background.saved).toEqual([
      expect.objectContaining({ clientId: 'typed-client', exchange: 'broker' }),
    ]);
    expect(textOf(page.container)).toContain('Saved.');
  });
});
