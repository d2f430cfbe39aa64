import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/firefox';

// Trint EU (https://app.eu.trint.com) in Firefox, served the same look-alike as app.trint.com:
// the shared manifest injects the panel there too, and it follows the app's navigation.
describe('Firefox: the panel on Trint EU', () => {
  let firefox: ExtensionFirefox;
  let page: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await firefox?.close();
  });
  afterEach(async () => {
    await page?.close();
    expect(firefox.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  /** Text inside the panel's shadow root, or null while there is no panel. */
  const panelText = (selector: string) =>
    page.evaluate(
      (inner) =>
        document
          .querySelector('ghl-trint-panel')
          ?.shadowRoot?.querySelector(`[aria-label="GHL for Trint"] ${inner}`)?.textContent ?? null,
      selector,
    );

  it('shows the panel with the title beside an EU editor page, and leaves the file list', async () => {
    page = await firefox.newTrintPage();
    await page.goto('https://app.eu.trint.com/editor/tr-alpha');
    await expect
      .poll(() => panelText('[data-testid="transcript-id"]'), { timeout: 10_000 })
      .toBe('tr-alpha');
    await expect.poll(() => panelText('h2')).toBe('Discovery call with Acme Corp');

    await page.locator('a.next').click();
    await expect.poll(() => panelText('[data-testid="transcript-id"]')).toBe('tr-bravo');

    await page.locator('nav a').click(); // "All files": not an editor
    await expect.poll(() => page.url()).toBe('https://app.eu.trint.com/trints');
    await expect.poll(() => panelText('[data-testid="transcript-id"]')).toBeNull();
  });
});
