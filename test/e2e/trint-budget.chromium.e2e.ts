import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sandboxControl } from '../support/sandbox-control';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { ask } from './support/extension-pages';
import { evaluateInContentScript } from './support/isolated-world';
import { connectWithToken, JANE_ID, openTranscript, panelOf } from './support/panel-session';

// As entrypoints/background/trint-budget.ts and outbox-handlers.ts set them (the e2e config does
// not resolve the background's '@/' imports).
const TRINT_BUDGET = { units: 60, refillPerSecond: 1 };
const MAX_PAGE_QUEUED_WRITES = 25;

interface Counters {
  total: number;
  byEndpoint: Record<string, number>;
}

/**
 * A page script (or a compromised content script, through CDP in its world) floods what the
 * extension does for Trint pages: GHL and cache searches, and 60 contact creates at once.
 * Resolves with how many of each the background refused.
 */
const FLOOD = `(async () => {
  const send = (type, payload) =>
    chrome.runtime.sendMessage({ type, payload }).then((reply) => (reply && reply.ok ? 'ok' : 'refused'));
  const jobs = [];
  for (let i = 0; i < 80; i += 1) jobs.push(send('contacts/search', { query: 'Jane ' + i, source: 'ghl' }));
  for (let i = 0; i < 80; i += 1) jobs.push(send('contacts/search', { query: 'Ja' + i, source: 'cache' }));
  for (let i = 0; i < 60; i += 1)
    jobs.push(send('outbox/enqueue', {
      operation: { kind: 'contact.create', body: { firstName: 'Flood', lastName: 'Contact ' + i } },
    }));
  const answers = await Promise.all(jobs);
  return answers.filter((a) => a === 'refused').length;
})()`;

/** Keeps the budget drained for `ms`, as a page that never stops would. */
const KEEP_DRAINING = (ms: number) => `(async () => {
  const until = Date.now() + ${ms};
  while (Date.now() < until) {
    await chrome.runtime.sendMessage({ type: 'contacts/search', payload: { query: 'x', source: 'ghl' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})()`;

// Issue 18: everything Trint pages can make the background do is spent from one budget per
// location, shared by every tab; what is refused costs GHL nothing and is said in the panel.
describe('Chromium: a Trint page flooding the extension', () => {
  let browser: ExtensionChromium;
  let popup: Page;
  const ghl = <T>(path: string, body?: unknown) => sandboxControl<T>(browser.ghl, path, body);

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    popup = await connectWithToken(browser);
    await ask(popup, 'link/set', { transcriptId: 'tr-alpha', contactId: JANE_ID });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reaches GHL at most the budget, and the panel says why a search is refused', async () => {
    const trint = await openTranscript(browser, 'tr-alpha');
    // What connecting and the first sync asked is not the page's doing.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await ghl('counters/reset', {});
    const started = Date.now();

    // The page follows 30 made-up transcripts and back, each opening (and refreshing) a view.
    for (let i = 0; i < 30; i += 1) {
      await trint.evaluate((n) => {
        history.pushState({}, '', n % 2 ? `/editor/tr-alpha` : `/editor/tr-fake-${n}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, i);
    }
    const refused = await evaluateInContentScript<number>(trint, 'GHL for Trint', FLOOD);
    expect(refused, 'most of the flood is refused').toBeGreaterThan(100);

    // The writes that got in are sent; nothing more reaches GHL.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const counters = await ghl<Counters>('counters');
    const seconds = (Date.now() - started) / 1000;
    const budget = TRINT_BUDGET.units + TRINT_BUDGET.refillPerSecond * seconds;
    const creates = counters.byEndpoint['POST /contacts/'] ?? 0;
    const searches = counters.byEndpoint['POST /contacts/search'] ?? 0;
    const reads = counters.byEndpoint['GET /contacts/:contactId'] ?? 0;
    const summary = JSON.stringify(counters.byEndpoint);
    expect(creates, summary).toBeLessThanOrEqual(MAX_PAGE_QUEUED_WRITES);
    expect(creates + searches + reads, summary).toBeLessThanOrEqual(budget);

    // A person searching in the panel while the page keeps spending is told why.
    await trint.evaluate(() => {
      history.pushState({}, '', '/editor/tr-bravo');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    const panel = panelOf(trint);
    await panel.getByTestId('transcript-id').filter({ hasText: 'tr-bravo' }).waitFor();
    const draining = evaluateInContentScript(trint, 'GHL for Trint', KEEP_DRAINING(8_000));
    // Until the page has spent what refilled meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await panel.getByRole('searchbox', { name: 'Search GHL contacts' }).fill('Hank');
    await expect
      .poll(() => panel.textContent(), { timeout: 5_000 })
      .toContain('Too many requests from Trint pages; try again in');
    await draining;
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
    await trint.close();
  });
});
