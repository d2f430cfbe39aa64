import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { OTHER_LOCATION, SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../sandbox/sandbox-fixtures';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import {
  connectionTitle,
  openPopup,
  resetConnection,
  submitToken,
  toolbarState,
  connectionCard,
} from './support/extension-pages';
import { evaluateInContentScript, READ_EVERY_STORAGE_AREA } from './support/isolated-world';
import { RESULTS } from './support/paths';
import { sandboxControl } from '../support/sandbox-control';

// Connecting from the popup as a person would, against the Sandbox GHL answering at GHL's host.
describe('Chromium: connect with a Private Integration token, Sandbox mode, revocation', () => {
  let browser: ExtensionChromium;
  let worker: Worker;
  let popup: Page;

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    worker = browser.context.serviceWorkers()[0]!;
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await resetConnection(popup);
    await popup.close();
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  const alert = () => popup.getByRole('alert');
  const mint = (scopes?: string[]) =>
    sandboxControl<{ token: string }>(browser.ghl, 'tokens', { scopes }).then((r) => r.token);

  it('refuses a wrong token and a wrong location with what to fix, then connects a good token', async () => {
    popup = await openPopup(browser);
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Not connected');

    await submitToken(popup, 'pit-not-a-real-token-000000000000', SANDBOX_LOCATION.id);
    await expect.poll(() => alert().textContent()).toContain('GHL did not accept this token');
    await popup.locator('main').screenshot({ path: `${RESULTS}/chromium-popup-wrong-token.png` });

    await submitToken(popup, SANDBOX_TOKENS.otherLocation, SANDBOX_LOCATION.id);
    await expect
      .poll(() => alert().textContent())
      .toContain(`This token does not belong to location ${SANDBOX_LOCATION.id}`);
    await submitToken(popup, SANDBOX_TOKENS.readWrite, OTHER_LOCATION.id);
    await expect
      .poll(() => alert().textContent())
      .toContain(`does not belong to location ${OTHER_LOCATION.id}`);
    await submitToken(popup, SANDBOX_TOKENS.readWrite, 'has spaces');
    await expect.poll(() => alert().textContent()).toContain('only letters and digits');
    expect(await connectionTitle(popup).textContent()).toBe('Not connected');

    const token = await mint();
    await submitToken(popup, token, SANDBOX_LOCATION.id);
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    const card = await connectionCard(popup).textContent();
    expect(card).toContain(SANDBOX_LOCATION.id);
    expect(card).toContain('Private Integration token');
    expect(card).toContain('contacts.readonly, contacts.write');
    expect(card).not.toContain('Read-only');
    expect(await toolbarState(worker)).toEqual({ badge: '', notifications: [] });
    await popup.locator('main').screenshot({ path: `${RESULTS}/chromium-popup-connected.png` });

    // The token never reaches the page: not in the DOM, not in the form any more.
    expect(await popup.content()).not.toContain(token);
  });

  it('shows a read-only connection, with the reason, for a token without contacts.write', async () => {
    popup = await openPopup(browser);
    await submitToken(popup, SANDBOX_TOKENS.readOnly, SANDBOX_LOCATION.id);
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    const card = connectionCard(popup);
    await expect.poll(() => card.textContent()).toContain('Read-only');
    expect(await card.textContent()).toContain('was not granted contacts.write');
    const access = popup.locator('.facts__row', { hasText: 'Access' }).locator('dd');
    expect(await access.textContent()).toContain('contacts.readonly');
    expect(await access.textContent()).not.toContain('contacts.write');
  });

  it('after revocation shows reconnect needed (badge, one notification), and a new token works again', async () => {
    popup = await openPopup(browser);
    const first = await mint();
    await submitToken(popup, first, SANDBOX_LOCATION.id);
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    await popup.getByRole('button', { name: 'Check connection' }).click();
    await expect
      .poll(() => connectionCard(popup).getByRole('status').textContent())
      .toContain('connection works');

    await sandboxControl(browser.ghl, 'tokens/revoke', { token: first });
    await popup.getByRole('button', { name: 'Check connection' }).click();
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Reconnect needed');
    expect(await alert().first().textContent()).toContain(
      'no longer accepts this Private Integration token',
    );
    await expect
      .poll(() => toolbarState(worker))
      .toEqual({
        badge: '!',
        notifications: ['ghl-reconnect-needed'],
      });
    await popup.locator('main').screenshot({ path: `${RESULTS}/chromium-popup-reconnect.png` });

    // Rotation: the new token is checked and replaces the old one; nothing else changes.
    const second = await mint();
    const callsBefore = browser.ghl.state.counters.total;
    await popup.getByRole('button', { name: 'Replace token' }).click();
    await submitToken(popup, second);
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    await expect.poll(() => toolbarState(worker)).toEqual({ badge: '', notifications: [] });
    await popup.getByRole('button', { name: 'Check connection' }).click();
    await expect
      .poll(() => connectionCard(popup).getByRole('status').textContent())
      .toContain('connection works');
    expect(browser.ghl.state.counters.total).toBeGreaterThan(callsBefore);
    const labels = Object.keys(browser.ghl.state.counters.byToken);
    expect(labels.some((label) => label.startsWith('minted:'))).toBe(true);
  });

  it('Sandbox mode: one click, marked in the popup, the toolbar and the panel; off again', async () => {
    popup = await openPopup(browser);
    const callsBefore = browser.ghl.state.counters.total;
    await popup.getByRole('button', { name: /Use the Sandbox/ }).click();
    await expect.poll(() => connectionTitle(popup).textContent()).toContain('Sandbox mode');
    expect(await connectionCard(popup).textContent()).toContain(SANDBOX_LOCATION.name);
    expect((await toolbarState(worker)).badge).toBe('SBX');
    await popup.getByRole('button', { name: 'Check connection' }).click();
    await expect
      .poll(() => connectionCard(popup).getByRole('status').textContent())
      .toContain('connection works');
    // The Sandbox runs inside the extension: nothing went to GHL's host.
    expect(browser.ghl.state.counters.total).toBe(callsBefore);
    await popup.locator('main').screenshot({ path: `${RESULTS}/chromium-popup-sandbox.png` });

    const trint = await browser.context.newPage();
    await trint.goto('https://app.trint.com/editor/tr-alpha');
    const panel = trint.getByRole('complementary', { name: 'GHL for Trint' });
    await expect.poll(() => panel.textContent()).toContain('Sandbox');
    await trint.screenshot({ path: `${RESULTS}/chromium-panel-sandbox.png` });

    await popup.getByRole('button', { name: 'Turn off Sandbox' }).click();
    await popup.getByRole('button', { name: 'Turn off', exact: true }).click();
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Not connected');
    expect((await toolbarState(worker)).badge).toBe('');
    await expect.poll(() => panel.textContent()).toContain('Not connected to GHL');
    await trint.close();
  });

  it('goes live from Sandbox mode with a token, and the Sandbox marker goes', async () => {
    popup = await openPopup(browser);
    await popup.getByRole('button', { name: /Use the Sandbox/ }).click();
    await expect.poll(() => connectionTitle(popup).textContent()).toContain('Sandbox mode');
    await popup.getByRole('button', { name: 'Connect your account' }).click();
    await submitToken(popup, await mint(), SANDBOX_LOCATION.id);
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    expect(await connectionCard(popup).textContent()).toContain('Private Integration token');
    expect((await toolbarState(worker)).badge).toBe('');
  });

  it('keeps every credential out of reach of the content script', async () => {
    popup = await openPopup(browser);
    const token = await mint();
    await submitToken(popup, token, SANDBOX_LOCATION.id);
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    // A client secret too, saved from the options page.
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Client id').fill('probe-client-id');
    await options.getByLabel(/Directly with GHL/).check();
    await options.getByLabel('Client secret', { exact: true }).fill('probe-client-secret-4f1c9a');
    await options
      .getByRole('region', { name: /OAuth app/ })
      .getByRole('button', { name: 'Save', exact: true })
      .click();
    await expect
      .poll(() =>
        options
          .getByRole('region', { name: /OAuth app/ })
          .getByRole('status')
          .textContent(),
      )
      .toContain('Saved');
    expect(await options.content()).not.toContain('probe-client-secret-4f1c9a');

    // A marker the background puts in storage.local proves the probe would see a credential there.
    await worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ probeMarker: 'visible-to-content-scripts' }),
    );
    const trint = await browser.context.newPage();
    await trint.goto('https://app.trint.com/editor/tr-alpha');
    await trint.getByRole('complementary', { name: 'GHL for Trint' }).waitFor();
    const seen = await evaluateInContentScript<string>(
      trint,
      'GHL for Trint',
      READ_EVERY_STORAGE_AREA,
    );
    expect(seen).toContain('visible-to-content-scripts');
    expect(seen).toContain(SANDBOX_LOCATION.id); // the public status is there, on purpose
    expect(seen).not.toContain(token);
    expect(seen).not.toContain('probe-client-secret-4f1c9a');
    const pageWorld = await trint.evaluate(() => document.documentElement.outerHTML);
    expect(pageWorld).not.toContain(token);
    await options.close();
    await trint.close();
  });
});
