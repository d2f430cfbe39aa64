import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/firefox';
import { FIREFOX_BUILD, RESULTS, ROOT } from './support/paths';

describe('Firefox: the panel on Trint', () => {
  let firefox: ExtensionFirefox;
  let page: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await firefox?.close();
  });
  afterEach(async () => {
    await page?.close();
    expect(firefox.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  /** The panel's transcript id as a person reads it, or null while there is no panel. */
  const panelTranscriptId = () =>
    page.evaluate(
      () =>
        document
          .querySelector('ghl-trint-panel')
          ?.shadowRoot?.querySelector('[aria-label="GHL for Trint"] [data-testid="transcript-id"]')
          ?.textContent ?? null,
    );

  it('shows the panel beside an editor page and follows SPA navigation', async () => {
    page = await firefox.newTrintPage();
    await page.goto('https://app.trint.com/editor/tr-alpha');
    await expect.poll(panelTranscriptId, { timeout: 10_000 }).toBe('tr-alpha');
    await page.screenshot({ path: `${RESULTS}/firefox-panel-editor.png` });

    await page.locator('a.next').click();
    await expect.poll(panelTranscriptId).toBe('tr-bravo');
    await page.locator('a.next').click();
    await expect.poll(panelTranscriptId).toBe('tr-charlie');
    await page.goBack();
    await expect.poll(panelTranscriptId).toBe('tr-bravo');

    await page.locator('nav a').click(); // "All files": not an editor
    await expect.poll(() => page.url()).toBe('https://app.trint.com/trints');
    await expect.poll(panelTranscriptId).toBeNull();
  });

  it('fails a test whose page reaches a host nobody routed', async () => {
    page = await firefox.newTrintPage();
    await page.goto('https://app.trint.com/editor/tr-alpha');
    const reached = await page.evaluate(() =>
      fetch('https://example.com/beacon').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(reached).toBe('blocked');
    expect(firefox.unrouted).toEqual(['https://example.com/beacon']);
    firefox.unrouted.length = 0; // this test's own request was the point; the rest stay guarded
  });
});

describe('Firefox: the add-on passes web-ext lint', () => {
  it('has no lint errors', () => {
    const report = JSON.parse(
      execFileSync(
        'npx',
        ['--no-install', 'web-ext', 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json'],
        { cwd: ROOT, encoding: 'utf8' },
      ),
    ) as { errors: { code: string; message: string }[]; summary: { errors: number } };
    expect(report.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
