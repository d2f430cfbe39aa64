import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { OutboxJobView, OutboxOperation } from '../../utils/messaging/write-schemas';
import { SANDBOX_LOCATION } from '../../sandbox/sandbox-fixtures';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import {
  ask,
  connectionTitle,
  openPopup,
  resetConnection,
  submitToken,
  toolbarState,
  connectionCard,
} from './support/extension-pages';
import { RESULTS } from './support/paths';
import { sandboxControl } from '../support/sandbox-control';
import { stopServiceWorker } from './support/service-worker';

const JANE = 'sbxContJaneDoe000002';
const SAM = 'sbxContSamLee0000001';
const OMAR = 'sbxContOmarHaddad003';
const POST_TASK = 'POST /contacts/:contactId/tasks';
const POST_NOTE = 'POST /contacts/:contactId/notes';
/** Long enough for a few backoff rounds (2 s, 4 s, 8 s …) and one 30 s alarm. */
const CONVERGED = { timeout: 50_000, interval: 500 };
/** For the popup to show what the background already knows. */
const SOON = { timeout: 10_000, interval: 100 };

interface Counters {
  total: number;
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
}
interface ContactRecords {
  contact: { city?: string | null };
  tasks: { title: string }[];
  notes: { body: string }[];
}

let serial = 0;
/** A title or text no other test (or run against the same Sandbox) uses. */
const unique = (what: string) => `${what} ${Date.now().toString(36)}-${(serial += 1)}`;

const task = (contactId: string, title: string): OutboxOperation => ({
  kind: 'task.create',
  contactId,
  body: { title, dueDate: '2026-12-01T10:00:00.000Z', completed: false },
});
const note = (contactId: string, body: string): OutboxOperation => ({
  kind: 'note.create',
  contactId,
  body: { body },
});

// The durable outbox against the Sandbox GHL's injected faults (issue 5): whatever happens
// between the extension and GHL, every write a person made reaches GHL exactly once, or stays
// listed for them to retry or discard.
describe('Chromium: the outbox under faults', () => {
  let browser: ExtensionChromium;
  let popup: Page;

  const ghl = <T>(path: string, body?: unknown, method?: 'POST' | 'DELETE') =>
    sandboxControl<T>(browser.ghl, path, body, method);
  const records = (contactId: string) => ghl<ContactRecords>(`contacts/${contactId}`);
  const tasksTitled = async (contactId: string, title: string) =>
    (await records(contactId)).tasks.filter((t) => t.title === title).length;
  const notesSaying = async (contactId: string, body: string) =>
    (await records(contactId)).notes.filter((n) => n.body === body).length;
  const counters = () => ghl<Counters>('counters');
  const jobs = () => ask<OutboxJobView[]>(popup, 'outbox/list');
  const enqueue = (operation: OutboxOperation) =>
    ask<OutboxJobView>(popup, 'outbox/enqueue', { operation });
  const mint = async (scopes?: string[]) =>
    (await ghl<{ token: string }>('tokens', { scopes })).token;

  /** Connects a fresh Private Integration token from the popup, as a person would. */
  async function connect(scopes?: string[]): Promise<string> {
    const token = await mint(scopes);
    await submitToken(popup, token, SANDBOX_LOCATION.id);
    await expect.poll(() => connectionTitle(popup).textContent(), SOON).toBe('Connected');
    return token;
  }

  /** Replaces the connection's token through the popup's "Replace token" form. */
  async function replaceToken(token: string) {
    await popup.getByRole('button', { name: 'Replace token' }).click();
    await submitToken(popup, token);
    // Done when the form closes: the title may have said "Connected" all along (read-only).
    await expect
      .poll(() => popup.getByRole('form', { name: 'Replace token' }).count(), SOON)
      .toBe(0);
    await expect.poll(() => connectionTitle(popup).textContent(), SOON).toBe('Connected');
  }

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await ghl('faults', undefined, 'DELETE');
    await ghl('counters/reset', {});
    popup = await openPopup(browser);
  });
  afterEach(async () => {
    await ghl('faults', undefined, 'DELETE');
    await resetConnection(popup);
    await popup.close();
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  it.each([
    { when: 'after GHL applied the POST', applied: true },
    { when: 'before the POST reached GHL', applied: false },
  ])(
    'a service worker stopped mid-write ($when): once woken, the write reaches GHL once',
    async ({ applied }) => {
      await connect();
      const title = unique('Call back after the stop');
      // The POST is held for 3 s, so the worker can be stopped while it is in flight; GHL then
      // applies it, or loses it before applying, with no worker left to read the answer.
      await ghl('faults', { latencyMs: 3_000, ...(!applied && { dropNext: { count: 1 } }) });
      const inFlight = browser.context.waitForEvent('request', {
        predicate: (r) => r.method() === 'POST' && r.url().endsWith(`/contacts/${JANE}/tasks`),
        timeout: 10_000,
      });
      await enqueue(task(JANE, title));
      await inFlight;
      await stopServiceWorker(popup);
      await expect
        .poll(async () => (await counters()).byEndpoint[POST_TASK], { timeout: 10_000 })
        .toBe(1);
      expect(await tasksTitled(JANE, title)).toBe(applied ? 1 : 0);
      await ghl('faults', undefined, 'DELETE');

      // Any event wakes the worker; it finds the write marked as sent and looks before resending.
      await ask(popup, 'sync/status');
      await expect.poll(() => tasksTitled(JANE, title), CONVERGED).toBe(1);
      await expect.poll(jobs, CONVERGED).toEqual([]);
      const after = await counters();
      expect(after.byEndpoint[POST_TASK]).toBe(applied ? 1 : 2);
      expect(after.byEndpoint['GET /contacts/:contactId/tasks']).toBeGreaterThanOrEqual(1);
      expect(await tasksTitled(JANE, title)).toBe(1);
    },
    60_000,
  );

  it('a 429 storm, then a burst of 5xx: every write converges, none lost, none twice', async () => {
    await connect();
    const titles = [unique('Storm task for Jane'), unique('Storm task for Sam')];
    const text = unique('Storm note for Jane');
    const city = unique('Stormville');
    await ghl('faults', {
      rateLimitStorm: { durationMs: 6_000, retryAfterSeconds: 2 },
      failNext: { count: 5, status: 503 },
    });
    await enqueue(task(JANE, titles[0]!));
    await enqueue(task(SAM, titles[1]!));
    await enqueue(note(JANE, text));
    await enqueue({ kind: 'contact.update', contactId: OMAR, body: { city } });

    await expect
      .poll(
        async () => [
          await tasksTitled(JANE, titles[0]!),
          await tasksTitled(SAM, titles[1]!),
          await notesSaying(JANE, text),
          (await records(OMAR)).contact.city,
        ],
        CONVERGED,
      )
      .toEqual([1, 1, 1, city]);
    await expect.poll(jobs, CONVERGED).toEqual([]);
    const after = await counters();
    expect(after.byStatus['429'], 'the storm was met').toBeGreaterThan(0);
    expect(after.byStatus['503'], 'the whole burst was met').toBe(5);
    // Still exactly one each, once nothing is left to send.
    expect(await tasksTitled(JANE, titles[0]!)).toBe(1);
    expect(await tasksTitled(SAM, titles[1]!)).toBe(1);
    expect(await notesSaying(JANE, text)).toBe(1);
  }, 70_000);

  it('a connection dropped after GHL applied a POST: reconciled, no duplicate task or note', async () => {
    await connect();
    const title = unique('Task whose answer was lost');
    const text = unique('Note whose answer was lost');
    const writes = [
      { op: task(SAM, title), count: () => tasksTitled(SAM, title), operation: 'create-task' },
      { op: note(SAM, text), count: () => notesSaying(SAM, text), operation: 'create-note' },
    ];
    for (const write of writes) {
      await ghl('faults', { dropNext: { count: 1, afterApply: true } });
      await enqueue(write.op);
      await expect.poll(jobs, CONVERGED).toEqual([]);
      expect(await write.count()).toBe(1);
      // The drop met this write's POST (the audit log keeps every attempt).
      const audit = await ask<{ operation: string; result: string }[]>(popup, 'audit/list');
      expect(audit.filter((e) => e.operation === write.operation).map((e) => e.result)).toEqual([
        'network',
      ]);
    }
    const after = await counters();
    expect(after.byEndpoint[POST_TASK]).toBe(1);
    expect(after.byEndpoint[POST_NOTE]).toBe(1);
  }, 60_000);

  it('contact creates whose answers are lost, under search lag and E.164 phones: each made once, none shown failed', async () => {
    await connect();
    // Real GHL's search lags behind writes (issue 19): longer than the outbox's first backoff.
    await ghl('settings', { searchLagMs: 5_000 });
    const run = Date.now().toString(36);
    const block = String(200 + (Date.now() % 700)); // three digits, another block each run
    const made = () => [...browser.ghl.state.data.contacts.values()];
    const statuses = new Set<string>();
    const watch = async () => {
      const list = await jobs();
      for (const job of list) statuses.add(job.status);
      return list;
    };
    const TRIES = 8;
    try {
      for (let i = 0; i < TRIES; i += 1) {
        // Phones as people type them (GHL stores E.164), or an email.
        const body =
          i % 2 === 0
            ? { phone: `(555) ${block}-${1000 + i}` }
            : { email: `lost.${run}.${i}@example.com` };
        await ghl('faults', { dropNext: { count: 1, afterApply: true } });
        await enqueue({
          kind: 'contact.create',
          body: { firstName: 'Lost', lastName: `Answer ${run} ${i}`, ...body },
        });
        await expect.poll(watch, CONVERGED).toEqual([]);
        const mine = made().filter((c) => c.lastName === `Answer ${run} ${i}`);
        expect(mine, `try ${i}`).toHaveLength(1);
        if (i % 2 === 0) expect(mine[0]!.phone).toBe(`+1555${block}${1000 + i}`);
      }
    } finally {
      await ghl('settings', { searchLagMs: 3_000 });
    }
    expect([...statuses]).not.toContain('failed');
    const after = await counters();
    expect(after.byEndpoint['POST /contacts/'], 'never sent twice').toBe(TRIES);
    expect(after.byEndpoint['GET /contacts/search/duplicate']).toBeGreaterThanOrEqual(TRIES);
  }, 240_000);

  it('a failed write survives a browser restart, Retry sends it once, Discard sends nothing', async () => {
    // A token without contacts.write: GHL would refuse every write for good.
    await connect(['contacts.readonly']);
    const title = unique('Task made while read-only');
    const text = unique('Note made while read-only');
    const kept = await enqueue(task(JANE, title));
    const dropped = await enqueue(note(JANE, text));
    await expect
      .poll(async () => (await jobs()).map((j) => [j.id, j.status, j.error?.kind]), CONVERGED)
      .toEqual([
        [kept.id, 'failed', 'missing-scope'],
        [dropped.id, 'failed', 'missing-scope'],
      ]);

    const list = () => popup.getByRole('region', { name: 'Changes not sent to GHL' });
    const item = (job: OutboxJobView) => list().getByRole('listitem', { name: job.summary });
    async function expectListedAsFailed() {
      for (const job of [kept, dropped]) {
        await expect.poll(() => item(job).textContent(), SOON).toContain('Failed');
        expect(await item(job).textContent()).toContain('was not granted contacts.write');
        await item(job)
          .getByRole('button', { name: `Retry ${job.summary}` })
          .waitFor();
        await item(job)
          .getByRole('button', { name: `Discard ${job.summary}` })
          .waitFor();
      }
    }
    await expectListedAsFailed();
    await popup.locator('main').screenshot({ path: `${RESULTS}/chromium-popup-failed-writes.png` });

    await browser.restart();
    popup = await openPopup(browser);
    await expectListedAsFailed();
    const worker = browser.context.serviceWorkers()[0]!;
    await expect.poll(async () => (await toolbarState(worker)).badge, SOON).toBe('2');
    await popup
      .locator('main')
      .screenshot({ path: `${RESULTS}/chromium-popup-failed-writes-after-restart.png` });

    // The cause fixed: a token that may write. Failed writes wait for the person's decision.
    await replaceToken(await mint());
    expect(await connectionCard(popup).textContent()).not.toContain('Read-only');
    expect((await jobs()).map((j) => j.status)).toEqual(['failed', 'failed']);

    await item(dropped)
      .getByRole('button', { name: `Discard ${dropped.summary}` })
      .click();
    await item(dropped).getByRole('button', { name: 'Discard for good' }).click();
    await expect.poll(async () => (await jobs()).map((j) => j.id), SOON).toEqual([kept.id]);

    await item(kept)
      .getByRole('button', { name: `Retry ${kept.summary}` })
      .click();
    await expect.poll(() => tasksTitled(JANE, title), CONVERGED).toBe(1);
    await expect.poll(jobs, CONVERGED).toEqual([]);
    await expect.poll(() => list().count(), SOON).toBe(0);
    await expect.poll(async () => (await toolbarState(worker)).badge, SOON).toBe('');
    const after = await counters();
    expect(after.byEndpoint[POST_TASK]).toBe(1);
    expect(after.byEndpoint[POST_NOTE] ?? 0).toBe(0);
    expect(await notesSaying(JANE, text)).toBe(0);
  }, 90_000);

  it('a token revoked while writes are queued: they wait, and after reconnecting each reaches GHL once', async () => {
    const first = await connect();
    await ghl('tokens/revoke', { token: first });
    const titles = [unique('Task after revocation'), unique('Second task after revocation')];
    const text = unique('Note after revocation');
    const made = [
      await enqueue(task(JANE, titles[0]!)),
      await enqueue(note(JANE, text)),
      await enqueue(task(SAM, titles[1]!)),
    ];
    await expect
      .poll(async () => (await jobs()).map((j) => j.status), CONVERGED)
      .toEqual(['waiting', 'waiting', 'waiting']);
    await expect.poll(() => connectionTitle(popup).textContent(), SOON).toBe('Reconnect needed');
    const list = popup.getByRole('region', { name: 'Changes not sent to GHL' });
    for (const job of made) {
      const item = list.getByRole('listitem', { name: job.summary });
      await expect.poll(() => item.textContent(), SOON).toContain('Waiting for reconnect');
    }
    await popup
      .locator('main')
      .screenshot({ path: `${RESULTS}/chromium-popup-writes-waiting.png` });

    await replaceToken(await mint());
    await expect
      .poll(
        async () => [
          await tasksTitled(JANE, titles[0]!),
          await notesSaying(JANE, text),
          await tasksTitled(SAM, titles[1]!),
        ],
        CONVERGED,
      )
      .toEqual([1, 1, 1]);
    await expect.poll(jobs, CONVERGED).toEqual([]);
    await expect.poll(() => list.count(), SOON).toBe(0);
    // The revoked token's refusals applied nothing; the new token sent each write once.
    const after = await counters();
    expect(after.byStatus['401']).toBeGreaterThanOrEqual(1);
    expect(await tasksTitled(JANE, titles[0]!)).toBe(1);
    expect(await notesSaying(JANE, text)).toBe(1);
    expect(await tasksTitled(SAM, titles[1]!)).toBe(1);
  }, 60_000);
});
