import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/firefox';
import { FIREFOX_BUILD } from './support/paths';

const SOON = { timeout: 10_000, interval: 200 };
/** The add-on's id in Firefox (`browser.runtime.id`): public, on the add-ons site. */
const GECKO_ID = (
  JSON.parse(readFileSync(`${FIREFOX_BUILD}/manifest.json`, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  }
).browser_specific_settings.gecko.id;

// Issue 18 in Firefox, against the PRODUCTION build (closed shadow root): what a script of the
// Trint page can see of the panel, and that it cannot end the content script.
describe('Firefox: a script of the Trint page cannot reach or end the panel', () => {
  let firefox: ExtensionFirefox;
  let page: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension({ extensionDir: FIREFOX_BUILD });
  });
  afterAll(async () => {
    await firefox?.close();
  });
  afterEach(async () => {
    await page?.close();
    expect(firefox.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  /** What the page's own script sees of the panel's host. */
  const host = () =>
    page.evaluate(() => {
      const element = document.querySelector('ghl-trint-panel');
      return element
        ? { shadowRoot: element.shadowRoot, onTop: element.matches(':popover-open') }
        : null;
    });

  it('finds a closed host in the top layer, and a forged "started" event does not end it', async () => {
    page = await firefox.newTrintPage();
    await page.goto('https://app.trint.com/editor/tr-alpha');
    await expect.poll(host, SOON).toEqual({ shadowRoot: null, onTop: true });

    await page.evaluate((id) => {
      const type = `${id}:trint:wxt:content-script-started`;
      const detail = { contentScriptName: 'trint', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, contentScriptName: 'trint', messageId: 'forged' }, '*');
    }, GECKO_ID);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await host()).toEqual({ shadowRoot: null, onTop: true });

    // The content script still follows the page: gone off the editor, back on the next one.
    await page.locator('nav a').click();
    await expect.poll(() => page.url()).toBe('https://app.trint.com/trints');
    await expect.poll(host, SOON).toBeNull();
    await page.locator('a[href="/editor/tr-bravo"]').click();
    await expect.poll(host, SOON).toEqual({ shadowRoot: null, onTop: true });
  });
});
