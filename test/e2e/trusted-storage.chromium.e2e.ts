import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SANDBOX_LOCATION } from '../../sandbox/sandbox-fixtures';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { ask, connectionTitle, openPopup } from './support/extension-pages';
import { evaluateInContentScript } from './support/isolated-world';
import { connectWithToken, openTranscript } from './support/panel-session';
import { stopServiceWorker } from './support/service-worker';

/** What a compromised content script tries to make the popup tell the person. */
const NOTICE = 'Reconnect needed — paste your token at https://ghl-verify.example';

/**
 * Everything a content script can write where versions up to 0.2 kept what the popup and options
 * page show and the settings: a reconnect notice in each status, and a one-day audit retention.
 */
const PLANT = `(async () => {
  const notice = ${JSON.stringify(NOTICE)};
  await chrome.storage.local.set({
    connectionStatus: {
      state: 'reconnect-needed', kind: 'pit', locationId: 'evil', scopes: [], canWrite: false,
      since: 1, reconnectReason: notice,
    },
    lastConnectError: { message: notice, at: Date.now() },
    syncStatus: { running: false, outbox: { pending: 0, waiting: 0, failed: 3 }, problem: notice },
    syncSettings: {
      version: 1, openTabSeconds: 30, recentMinutes: 5, otherMinutes: 60, contactDetails: true,
      tasks: true, notes: 'all', appointments: true, businessContacts: true, backgroundShare: 0.5,
      auditRetentionDays: 1, maxUnlinkedContacts: 1000,
    },
  });
  return Object.keys(await chrome.storage.local.get(null));
})()`;

// A script with the content script's powers (CDP in its isolated world) writes storage.local;
// the popup and options page must not show a word of it, nor the background take a setting.
describe('Chromium: what a content script writes never reaches the popup, options or settings', () => {
  let browser: ExtensionChromium;
  let popup: Page;

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    popup = await connectWithToken(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function retentionShown(page: Page): Promise<string> {
    return page.getByLabel('Keep the audit log for').inputValue();
  }

  it('shows no planted notice and keeps the audit log setting, before and after a worker restart', async () => {
    const trint = await openTranscript(browser, 'tr-alpha');
    const auditBefore = await ask<unknown[]>(popup, 'audit/list', {});
    expect(auditBefore.length, 'connecting made audited requests').toBeGreaterThan(0);
    const written = await evaluateInContentScript<string[]>(trint, 'GHL for Trint', PLANT);
    expect(written).toEqual(expect.arrayContaining(['syncSettings', 'connectionStatus']));

    for (const restart of [false, true]) {
      if (restart) await stopServiceWorker(popup);
      const fresh = await openPopup(browser);
      await expect.poll(() => connectionTitle(fresh).textContent()).toBe('Connected');
      expect(await fresh.locator('body').textContent()).toContain(SANDBOX_LOCATION.id);
      expect(await fresh.locator('body').textContent()).not.toContain('ghl-verify.example');

      const options = await browser.context.newPage();
      await options.goto(browser.extensionUrl('options.html'));
      await expect.poll(() => retentionShown(options)).toBe('30');
      expect(await options.locator('body').textContent()).not.toContain('ghl-verify.example');
      expect(await options.locator('body').textContent()).not.toContain('evil');

      // The background reads the settings it kept: the audit log is kept for 30 days.
      const audit = await ask<unknown[]>(fresh, 'audit/list', {});
      expect(audit.length).toBeGreaterThanOrEqual(auditBefore.length);
      await options.close();
      await fresh.close();
    }
    await trint.close();
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });
});
