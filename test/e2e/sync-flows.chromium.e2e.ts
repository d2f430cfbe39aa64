import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SANDBOX_LOCATION } from '../../sandbox/sandbox-fixtures';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { ask, askBackground, openPopup, submitToken } from './support/extension-pages';
import { RESULTS } from './support/paths';
import { sandboxControl } from '../support/sandbox-control';
import { FRESH_ENOUGH_MS } from '../../entrypoints/background/refresh-gate';

/** What `transcript/get` answers, as far as these tests read it. */
interface View {
  link?: { contactId: string };
  fields?: Record<string, string>;
  syncedAt?: number;
  tasks: { id: string; title: string; completed: boolean }[];
  notes: { id: string; body: string; pinned?: boolean | null }[];
  activity: { kind: string; text: string; url?: string }[];
}

const JANE = 'sbxContJaneDoe000002';
/** One sync period of the fastest tier (a transcript open in a tab), plus slack for the alarm. */
const ONE_PERIOD = { timeout: 50_000, interval: 1_000 };

// The three GHL → Trint flows, against the Sandbox GHL edited through its control API the way a
// person working in GHL would, with a live Private Integration connection.
describe('Chromium: background sync brings GHL changes to linked transcripts', () => {
  let browser: ExtensionChromium;
  let popup: Page;
  let editor: Page;
  let token: string;
  const view = () => ask<View>(popup, 'transcript/get', { transcriptId: 'tr-alpha' });

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    mkdirSync(RESULTS, { recursive: true });
    token = (await sandboxControl<{ token: string }>(browser.ghl, 'tokens', {})).token;
    popup = await openPopup(browser);
    await submitToken(popup, token, SANDBOX_LOCATION.id);
    // (expect.poll only works inside a test.)
    await popup.waitForFunction(
      () => document.querySelector('#connection-title')?.textContent === 'Connected',
    );
  });
  afterAll(async () => {
    expect(browser?.unrouted, 'requests to hosts the test did not route').toEqual([]);
    await browser?.close();
  });

  it('links a transcript, then a contact edit, a completed task and a pinned note reach it within one sync period', async () => {
    const { task } = await sandboxControl<{ task: { id: string } }>(
      browser.ghl,
      `contacts/${JANE}/tasks`,
      { title: 'Send proposal', dueDate: '2026-12-01T10:00:00.000Z' },
    );
    await popup.evaluate((settings) => chrome.storage.session.set({ syncSettings: settings }), {
      version: 1,
      notes: 'pinned',
    });

    const linked = await ask<View>(popup, 'link/set', {
      transcriptId: 'tr-alpha',
      contactId: JANE,
    });
    const linkedAt = Date.now();
    expect(linked.link?.contactId).toBe(JANE);
    expect(linked.fields?.['Speaker name']).toBe('Jane Doe');
    expect(linked.tasks.find((t) => t.id === task.id)?.completed).toBe(false);
    expect(linked.activity[0]?.text).toMatch(/^Transcript linked — Jane Doe, /);

    const missing = await askBackground(popup, 'link/set', {
      transcriptId: 'tr-bravo',
      contactId: 'sbxContDoesNotExist0',
    });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect((await ask<View>(popup, 'transcript/get', { transcriptId: 'tr-bravo' })).link).toBe(
      undefined,
    );

    // Opened once the link's own read is no longer seconds old, so opening refreshes the contact
    // (within FRESH_ENOUGH_MS of a sync it would rightly be skipped).
    await new Promise((resolve) => setTimeout(resolve, linkedAt + FRESH_ENOUGH_MS - Date.now()));
    editor = await browser.context.newPage();
    const opened = Date.now();
    await editor.goto('https://app.trint.com/editor/tr-alpha');
    const panel = editor.getByRole('complementary', { name: 'GHL for Trint' });
    /** The linked contact's card, as a person finds it: a region named after the contact. */
    const card = () => panel.getByRole('region', { name: /^Contact / });
    await expect
      .poll(() => card().getByRole('heading', { level: 2 }).textContent())
      .toBe('Jane Doe');
    // The panel paints from the cache, then opening it refreshes the contact. Wait for that
    // refresh, or the edits below could land between its reads (contact, then tasks) and the
    // timeline would rightly name the contact as it was read: "Jane Doe".
    await expect.poll(async () => (await view()).syncedAt ?? 0).toBeGreaterThanOrEqual(opened);

    // A person edits the contact, completes the task and pins a new note in GHL.
    await sandboxControl(browser.ghl, `contacts/${JANE}`, { firstName: 'Janet' }, 'PATCH');
    await sandboxControl(
      browser.ghl,
      `contacts/${JANE}/tasks/${task.id}`,
      { completed: true },
      'PATCH',
    );
    const { note: pinned } = await sandboxControl<{ note: { id: string } }>(
      browser.ghl,
      `contacts/${JANE}/notes`,
      { body: 'Key quote: “we sign in January”', pinned: true },
    );
    const { note: unpinned } = await sandboxControl<{ note: { id: string } }>(
      browser.ghl,
      `contacts/${JANE}/notes`,
      { body: 'Parking is on level 2' },
    );

    // Flow 1: the open editor's content script is told, and its panel shows the new name.
    await expect
      .poll(() => card().getByRole('heading', { level: 2 }).textContent(), ONE_PERIOD)
      .toBe('Janet Doe');
    const after = await view();
    expect(after.fields?.['Speaker name']).toBe('Janet Doe');
    // Flow 2: the task is cached as completed, with the narrative on the timeline.
    expect(after.tasks.find((t) => t.id === task.id)?.completed).toBe(true);
    const narrative = after.activity.find((a) => a.kind === 'task-status');
    expect(narrative?.text).toMatch(
      /^Task ‘Send proposal’ completed — Janet Doe, \d{1,2} \w{3} \d{4}$/,
    );
    expect(narrative?.url).toBe(
      `https://app.gohighlevel.com/v2/location/${SANDBOX_LOCATION.id}/contacts/detail/${JANE}`,
    );
    // Flow 3: the pinned note is attached; with "pinned only", the other is not.
    const noteIds = after.notes.map((n) => n.id);
    expect(noteIds).toContain(pinned.id);
    expect(noteIds).not.toContain(unpinned.id);
    await expect.poll(() => panel.textContent()).toContain('Task ‘Send proposal’ completed');
    await editor.screenshot({ path: `${RESULTS}/chromium-sync-panel-updated.png` });
  }, 90_000);

  it('tells a person in the popup what the sync did', async () => {
    await popup.reload();
    const status = popup.getByRole('region', { name: /sync/i });
    await expect.poll(() => status.textContent()).toMatch(/Last sync/i);
    await expect.poll(() => status.textContent()).toMatch(/Next sync/i);
    await popup.locator('main').screenshot({ path: `${RESULTS}/chromium-popup-sync.png` });
  });

  it('keeps an audit entry for every request GHL received, with no token in it', async () => {
    const counters = await sandboxControl<{ byToken: Record<string, number> }>(
      browser.ghl,
      'counters',
    );
    const received = Object.values(counters.byToken).reduce((sum, n) => sum + n, 0);
    const entries = await ask<{ operation: string; startedBy: string }[]>(popup, 'audit/list');
    expect(entries.length).toBeGreaterThanOrEqual(received);
    expect(entries.some((e) => e.startedBy === 'sync' && e.operation === 'get-contact')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it('Sync now reads many linked contacts in bulk; a contact edited in GHL is found by the change scan (issue 17)', async () => {
    const SAM = 'sbxContSamLee0000001';
    const OMAR = 'sbxContOmarHaddad003';
    // No tab open: only Sync now runs (a lone due contact would be read as before, on its own).
    await editor?.close();
    await ask(popup, 'link/set', { transcriptId: 'tr-bulk-1', contactId: SAM });
    await ask(popup, 'link/set', { transcriptId: 'tr-bulk-2', contactId: OMAR });
    await popup.reload();
    const status = popup.getByRole('region', { name: 'Sync', exact: true });
    const syncNow = status.getByRole('button', { name: 'Sync now' });
    const syncNowAndWait = async () => {
      await expect.poll(() => syncNow.isEnabled(), ONE_PERIOD).toBe(true);
      await syncNow.click();
      await expect.poll(() => syncNow.isEnabled(), ONE_PERIOD).toBe(true);
    };
    // Every linked contact fresh, so no alarm reads one of them on its own meanwhile.
    await syncNowAndWait();
    await sandboxControl(browser.ghl, 'counters/reset', {});
    await sandboxControl(browser.ghl, `contacts/${SAM}`, { companyName: 'Bulk Co' }, 'PATCH');
    await syncNowAndWait();
    const samView = () => ask<View>(popup, 'transcript/get', { transcriptId: 'tr-bulk-1' });
    await expect
      .poll(async () => (await samView()).fields?.Organisation, ONE_PERIOD)
      .toBe('Bulk Co');
    expect((await samView()).activity[0]?.text).toMatch(/^Contact updated in GHL: Organisation/);
    const { byEndpoint } = await sandboxControl<{ byEndpoint: Record<string, number> }>(
      browser.ghl,
      'counters',
    );
    expect(byEndpoint['POST /contacts/search']).toBeGreaterThan(0);
    expect(byEndpoint['POST /locations/:locationId/tasks/search']).toBeGreaterThan(0);
    expect(byEndpoint['GET /calendars/events']).toBeGreaterThan(0);
    // Nothing read contact by contact but each one's notes.
    expect(byEndpoint['GET /contacts/:contactId'] ?? 0).toBe(0);
    expect(byEndpoint['GET /contacts/:contactId/tasks'] ?? 0).toBe(0);
    expect(byEndpoint['GET /contacts/:contactId/appointments'] ?? 0).toBe(0);
    expect(byEndpoint['GET /contacts/:contactId/notes']).toBe(3);
  }, 120_000);

  // Last: it leaves the location nearly out of quota.
  it('says in the popup what the location’s daily quota did to the sync (issue 17)', async () => {
    await popup.reload();
    const status = popup.getByRole('region', { name: 'Sync', exact: true });
    const syncNow = status.getByRole('button', { name: 'Sync now' });
    /** Teammates spent all but `left` of today's quota; a Sync now lets the limiter read it. */
    async function quotaLeft(left: number) {
      await sandboxControl(browser.ghl, 'rate-limits', { leaveToday: { count: left } });
      await expect.poll(() => syncNow.isEnabled(), ONE_PERIOD).toBe(true);
      await syncNow.click();
    }
    await expect
      .poll(() => status.textContent(), ONE_PERIOD)
      .toMatch(/GHL requests in the last 24 h: \d+ — under 0\.1% of the location’s daily limit/);

    await quotaLeft(30_000);
    await expect
      .poll(() => status.textContent(), ONE_PERIOD)
      .toMatch(/Only 1\d% of the location’s daily GHL limit is left.*background sync is slowed/);

    await quotaLeft(8_000);
    await expect
      .poll(() => status.textContent(), ONE_PERIOD)
      .toMatch(
        /Only [34]\.\d% of the location’s daily GHL limit is left: background sync is paused/,
      );
    expect(await status.textContent()).not.toMatch(/Next sync|failed/);
    // Paused: Sync now sends nothing to GHL.
    const before = await sandboxControl<{ total: number }>(browser.ghl, 'counters');
    await syncNow.click();
    await expect.poll(() => syncNow.isEnabled(), ONE_PERIOD).toBe(true);
    const after = await sandboxControl<{ total: number }>(browser.ghl, 'counters');
    expect(after.total).toBe(before.total);
    await popup.locator('main').screenshot({ path: `${RESULTS}/chromium-popup-quota.png` });
  });
});

declare const chrome: { storage: { session: { set(items: object): Promise<void> } } };
