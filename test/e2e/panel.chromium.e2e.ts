import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { RESULTS } from './support/paths';

const EDITOR = 'https://app.trint.com/editor';

describe('Chromium: the panel on Trint', () => {
  let browser: ExtensionChromium;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  /** The panel, found the way a person finds it: a region named "GHL for Trint". */
  const panel = (): Locator => page.getByRole('complementary', { name: 'GHL for Trint' });
  const panelTranscriptId = (): Locator => panel().getByTestId('transcript-id');

  async function open(url: string) {
    page = await browser.context.newPage();
    await page.goto(url);
  }

  it('shows the transcript id and title beside an editor page', async () => {
    await open(`${EDITOR}/tr-alpha`);
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-alpha');
    await expect
      .poll(() => panel().getByRole('heading', { level: 2 }).textContent())
      .toBe('Discovery call with Acme Corp');
    await expect.poll(() => panel().textContent()).toContain('Jane Doe, Sam Lee');
    await page.screenshot({ path: `${RESULTS}/chromium-panel-editor.png` });
  });

  it('follows single-page navigation across three transcripts, forward and back', async () => {
    await open(`${EDITOR}/tr-alpha`);
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-alpha');
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));

    for (const [id, title] of [
      ['tr-bravo', 'Quarterly review — Globex'],
      ['tr-charlie', 'Podcast interview: Hank Scorpio'],
    ]) {
      await page.getByRole('link', { name: 'Next transcript' }).click();
      await expect.poll(() => page.url()).toBe(`${EDITOR}/${id}`);
      await expect.poll(() => panelTranscriptId().textContent()).toBe(id);
      await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(title);
    }

    await page.goBack(); // popstate
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-bravo');
    await page.goForward();
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-charlie');
    expect(loads, 'navigation stayed in the page (no reload)').toEqual([]);
    await expect.poll(() => page.locator('ghl-trint-panel').count()).toBe(1);
  });

  it('is gone on a non-editor page and comes back on the next editor', async () => {
    await open(`${EDITOR}/tr-alpha`);
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-alpha');

    await page.getByRole('link', { name: 'All files' }).click();
    await expect.poll(() => page.url()).toBe('https://app.trint.com/trints');
    await expect.poll(() => page.locator('ghl-trint-panel').count()).toBe(0);

    await page.getByRole('link', { name: 'Quarterly review — Globex' }).click();
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-bravo');
  });

  it('does not show on the dashboard, and appears once an editor opens in the same page', async () => {
    await open('https://app.trint.com/trints');
    await page.getByRole('heading', { name: 'Your files' }).waitFor();
    // Give the content script time to (wrongly) mount before asserting it did not.
    await page.waitForTimeout(1000);
    expect(await page.locator('ghl-trint-panel').count()).toBe(0);

    await page.getByRole('link', { name: 'Podcast interview: Hank Scorpio' }).click();
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-charlie');
  });

  it("comes back after Trint's own rendering removed it from the page", async () => {
    await open(`${EDITOR}/tr-alpha`);
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-alpha');
    await page.evaluate(() => document.querySelector('ghl-trint-panel')?.remove());

    await page.getByRole('link', { name: 'Next transcript' }).click();
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-bravo');
    await expect.poll(() => page.locator('ghl-trint-panel').count()).toBe(1);
  });

  it('keeps styles from leaking in or out of the panel', async () => {
    await open(`${EDITOR}/tr-alpha?styles=hostile`);
    await expect.poll(() => panelTranscriptId().textContent()).toBe('tr-alpha');

    const panelTitle = await panel()
      .getByRole('heading', { level: 2 })
      .evaluate((node) => {
        const style = getComputedStyle(node);
        return { color: style.color, fontSize: style.fontSize, transform: style.textTransform };
      });
    // Trint's page styles (red, 30px serif, uppercase, all !important) stay outside.
    expect(panelTitle).toEqual({ color: 'rgb(29, 41, 57)', fontSize: '16px', transform: 'none' });

    // The panel's classes exist on the page too; its styles must not apply to them.
    const pageEmpty = await page
      .locator('footer p.panel__empty')
      .evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(pageEmpty).toBe('rgba(0, 0, 0, 0)');
    // Nothing was added to the page's own style sheets (a locator would pierce the shadow root).
    expect(await page.evaluate(() => [...document.styleSheets].map((sheet) => sheet.href))).toEqual(
      ['https://app.trint.com/static/trint.css', 'https://app.trint.com/static/hostile.css'],
    );
  });

  it('renders the popup and the options page', async () => {
    await open(browser.extensionUrl('popup.html'));
    await expect.poll(() => page.getByRole('heading', { name: 'GHL for Trint' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Not connected' }).count()).toBe(1);
    // Chrome styles extension pages' body at 75%; the popup sets its own readable size.
    expect(
      await page
        .getByText('Connect your GoHighLevel location')
        .evaluate((n) => getComputedStyle(n).fontSize),
    ).toBe('14px');
    await page.screenshot({ path: `${RESULTS}/chromium-popup.png` });
    await page.close();

    await open(browser.extensionUrl('options.html'));
    const permissions = page.getByRole('region', { name: 'What this extension may do, and why' });
    await expect
      .poll(() => permissions.getByRole('term').allTextContents())
      .toEqual(['storage', 'alarms', 'identity', 'notifications']);
  });

  it('fails a test whose page reaches a host nobody routed', async () => {
    await open(`${EDITOR}/tr-alpha`);
    const reached = await page.evaluate(() =>
      fetch('https://example.com/beacon').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(reached).toBe('blocked');
    expect(browser.unrouted).toEqual(['https://example.com/beacon']);
    browser.unrouted.length = 0; // this test's own request was the point; the rest stay guarded
  });
});
