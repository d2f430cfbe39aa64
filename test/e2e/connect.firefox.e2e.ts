import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { SANDBOX_LOCATION } from '../../sandbox/sandbox-fixtures';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/firefox';
import {
  connectionTitle,
  openPopup,
  panelSandboxBadge,
  panelText,
  toolbarBadge,
} from './support/firefox-extension-pages';
import { RESULTS } from './support/paths';

// The connection in Firefox's background: the Sandbox inside the extension, the credential store
// in the extension origin's IndexedDB, the message router, and the status every context follows.
describe('Firefox: connect from the popup, Sandbox mode', () => {
  let firefox: ExtensionFirefox;
  let popup: Page | undefined;
  let trint: Page | undefined;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await firefox?.close();
  });
  afterEach(async () => {
    await popup?.close();
    await trint?.close();
    expect(firefox.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  it('turns the Sandbox on and off from the popup, marked in the popup, toolbar and panel', async () => {
    popup = await openPopup(firefox);
    await expect.poll(() => connectionTitle(popup!)).toBe('Not connected');
    expect(await toolbarBadge(popup)).toBe('');

    await popup.locator('::-p-aria(Use the Sandbox (demo data, no account))').click();
    await expect.poll(() => connectionTitle(popup!)).toMatch(/^Sandbox mode/);
    expect(await popup.$eval('#connection-title .badge', (badge) => badge.textContent)).toBe(
      'Sandbox',
    );
    expect(await popup.$eval('section.card', (card) => card.textContent)).toContain(
      SANDBOX_LOCATION.name,
    );
    expect(await toolbarBadge(popup)).toBe('SBX');
    await popup.locator('::-p-aria(Check connection)').click();
    await expect
      .poll(() => popup!.$eval('[role="status"]', (status) => status.textContent))
      .toContain('connection works');
    const main = await popup.$('main');
    await main!.screenshot({ path: `${RESULTS}/firefox-popup-sandbox.png` });

    trint = await firefox.newTrintPage();
    await trint.goto('https://app.trint.com/editor/tr-alpha');
    await expect.poll(() => panelText(trint!), { timeout: 10_000 }).toContain('Sandbox');
    expect(await panelSandboxBadge(trint)).toBe('Sandbox');
    expect(await panelText(trint)).not.toContain('Not connected to GHL');
    await trint.screenshot({ path: `${RESULTS}/firefox-panel-sandbox.png` });

    // Back to the popup's tab: a background tab's animation frames are throttled, and puppeteer's
    // click waits for a few of them to see the button stand still.
    await popup.bringToFront();
    await popup.locator('::-p-aria(Turn off Sandbox)').click();
    await popup.locator('::-p-aria(Turn off[role="button"])').click();
    await expect.poll(() => connectionTitle(popup!)).toBe('Not connected');
    expect(await toolbarBadge(popup)).toBe('');
    // The panel follows the published status without a reload.
    await expect.poll(() => panelText(trint!)).toContain('Not connected to GHL');
    expect(await panelSandboxBadge(trint)).toBeNull();
    await trint.screenshot({ path: `${RESULTS}/firefox-panel-not-connected.png` });
  });
});
