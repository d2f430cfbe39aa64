import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/firefox';
import { connectionTitle, openPopup, panelText } from './support/firefox-extension-pages';
import { RESULTS } from './support/paths';

declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** A protocol message from an extension page, as the popup and panel send them. */
function ask(page: Page, type: string, payload: unknown) {
  return page.evaluate(
    (t, p) => browser.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload,
  ) as Promise<{ ok: boolean; value?: { fields?: Record<string, string> } }>;
}

// The sync's Firefox side: IndexedDB in the background page, alarms, the open-tab query and the
// message to the panel, with the Sandbox inside the extension.
describe('Firefox: a linked transcript in Sandbox mode', () => {
  let firefox: ExtensionFirefox;
  let popup: Page;
  let trint: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    expect(firefox?.unrouted, 'requests to hosts the test did not route').toEqual([]);
    await firefox?.close();
  });

  it('links a transcript, shows the contact in the open panel, and reports the sync in the popup', async () => {
    popup = await openPopup(firefox);
    await popup.locator('::-p-aria(Use the Sandbox (demo data, no account))').click();
    await expect.poll(() => connectionTitle(popup)).toMatch(/^Sandbox mode/);

    trint = await firefox.newTrintPage();
    await trint.goto('https://app.trint.com/editor/tr-alpha');
    await expect.poll(() => panelText(trint), { timeout: 10_000 }).toContain('Sandbox');
    expect(await panelText(trint)).toContain('No GHL contact is linked');

    const linked = await ask(popup, 'link/set', {
      transcriptId: 'tr-alpha',
      contactId: 'sbxContJaneDoe000002',
    });
    expect(linked).toMatchObject({ ok: true, value: { fields: { 'Speaker name': 'Jane Doe' } } });
    // The background tells the open tab; the panel re-reads without a reload.
    await expect.poll(() => panelText(trint)).toContain('Transcript linked — Jane Doe');
    await trint.screenshot({ path: `${RESULTS}/firefox-panel-linked.png` });

    await popup.close();
    popup = await openPopup(firefox);
    await popup.locator('::-p-aria(Sync now)').click();
    await expect
      .poll(() => popup.$eval('main', (main) => main.textContent))
      .toMatch(/Last sync: just now/);
  });
});
