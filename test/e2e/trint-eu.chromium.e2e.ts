import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { openOptions } from './support/mapping-steps';
import {
  connectWithToken,
  editorUrl,
  euEditorUrl,
  linkThroughSearch,
  panelOf,
} from './support/panel-session';

const SOON = { timeout: 10_000, interval: 100 };

// Trint EU (https://app.eu.trint.com), served the same look-alike as app.trint.com: the panel,
// suggestions, linking, the file-list marker, and links built for the host a transcript is on.
describe('Chromium: Trint EU gets what app.trint.com gets', () => {
  let browser: ExtensionChromium;
  const pages: Page[] = [];
  const track = (page: Page) => (pages.push(page), page);

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    track(await connectWithToken(browser));
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  async function openAt(url: string, transcriptId: string) {
    const page = track(await browser.context.newPage());
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(url);
    await panelOf(page).getByTestId('transcript-id').filter({ hasText: transcriptId }).waitFor();
    return page;
  }

  it('shows the panel with its suggestions, links a contact, marks the file list, and the dashboard links back to the EU host', async () => {
    const page = await openAt(euEditorUrl('tr-alpha'), 'tr-alpha');
    const panel = panelOf(page);
    await panel
      .getByRole('region', { name: 'Transcript' })
      .getByRole('heading', { name: 'Discovery call with Acme Corp', level: 2 })
      .waitFor({ timeout: SOON.timeout });
    const suggested = panel.getByRole('list', { name: 'Suggested contacts' });
    await expect
      .poll(async () => (await suggested.getByRole('listitem').allTextContents()).slice(0, 2), SOON)
      .toEqual([
        expect.stringMatching(/^Jane Doe.*Speaker Jane Doe/),
        expect.stringMatching(/^Sam Lee.*Speaker Sam Lee/),
      ]);

    await linkThroughSearch(page, 'jane', 'Jane Doe');

    // The file list at /trints on the EU host marks the linked transcript.
    await page.getByRole('link', { name: 'All files' }).click();
    await expect.poll(() => page.url()).toBe('https://app.eu.trint.com/trints');
    await page.getByRole('heading', { name: 'Your files' }).waitFor();
    const row = (id: string) => page.locator(`li[data-transcript-id="${id}"]`);
    await row('tr-alpha')
      .getByRole('img', { name: 'Linked to GHL' })
      .waitFor({ timeout: SOON.timeout });
    expect(await page.locator('ghl-link-marker').count()).toBe(1);

    // The dashboard's title link leads to the transcript on the host it was seen on.
    const options = track(await openOptions(browser));
    const link = options
      .getByRole('region', { name: 'Dashboard' })
      .getByRole('table')
      .getByRole('link', { name: 'Discovery call with Acme Corp' });
    await link.waitFor({ timeout: SOON.timeout });
    expect(await link.getAttribute('href')).toBe(euEditorUrl('tr-alpha'));
    const [opened] = await Promise.all([options.context().waitForEvent('page'), link.click()]);
    track(opened);
    await opened.waitForURL(euEditorUrl('tr-alpha'));
    await panelOf(opened).getByRole('heading', { name: 'Jane Doe', level: 2 }).waitFor();
  });

  it('keeps each transcript on its own host: one linked on app.trint.com links there', async () => {
    const page = await openAt(editorUrl('tr-bravo'), 'tr-bravo');
    await linkThroughSearch(page, 'jane', 'Jane Doe');

    const options = track(await openOptions(browser));
    const table = options.getByRole('region', { name: 'Dashboard' }).getByRole('table');
    const bravo = table.getByRole('link', { name: 'Quarterly review — Globex' });
    await bravo.waitFor({ timeout: SOON.timeout });
    expect(await bravo.getAttribute('href')).toBe(editorUrl('tr-bravo'));
    const alpha = table.getByRole('link', { name: 'Discovery call with Acme Corp' });
    expect(await alpha.getAttribute('href')).toBe(euEditorUrl('tr-alpha'));
  });
});
