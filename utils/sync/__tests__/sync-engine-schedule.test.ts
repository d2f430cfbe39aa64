import { describe, expect, it } from 'vitest';
import { GhlError } from '../../ghl/ghl-error';
import { SYNC_LEASE_KEY } from '../sync-lease';
import { listRuns } from '../sync-runs';
import { MAX_RUN_MS } from '../sync-locked-run';
import { drive, JANE, OMAR, SAM, syncUnderTest, type SyncHarness } from './sync-harness';

const SECOND = 1000;
const MINUTE = 60_000;

/**
 * The contacts synced since `from`, in order: those whose notes reached the Sandbox (notes have
 * no bulk read, so every contact a run syncs reads its own; its details and tasks may come from a
 * bulk read for many).
 */
function contactsFetched(h: SyncHarness, from = 0): string[] {
  return h.arrivals
    .slice(from)
    .map((a) => /^\/contacts\/([^/?]+)\/notes$/.exec(a.path)?.[1])
    .filter((id): id is string => id !== undefined);
}

/** The most requests that reached the Sandbox within any `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** A Sandbox contact id per transcript t-0…t-(n-1), all linked. */
async function manyLinked(h: SyncHarness, count: number) {
  const ids = [...h.sandbox.state.data.contacts.keys()].slice(0, count);
  for (const [i, id] of ids.entries()) await h.link(`t-${i}`, id);
  return ids;
}

describe('sync engine: scheduling', () => {
  it('syncs by tier: open tab every 30 s, viewed today every 5 min, the rest hourly', async () => {
    const h = syncUnderTest();
    await h.link('t-other', OMAR);
    await h.link('t-recent', SAM);
    await h.link('t-open', JANE);
    await h.transcripts.markViewed('t-recent');
    h.state.open = ['t-open'];
    await h.run();
    expect(contactsFetched(h)).toEqual([JANE, SAM, OMAR]);

    const fetchedEvery = async (ms: number) => {
      const from = h.arrivals.length;
      await h.fake.advance(ms);
      await h.run();
      return contactsFetched(h, from);
    };
    expect(await fetchedEvery(30 * SECOND)).toEqual([JANE]);
    expect(await fetchedEvery(10 * SECOND)).toEqual([]);
    // At 4:45 Sam falls due within half an alarm period: synced now rather than a tick late.
    expect(await fetchedEvery(4 * MINUTE + 5 * SECOND)).toEqual([JANE, SAM]);
    expect(await fetchedEvery(56 * MINUTE)).toEqual([JANE, SAM, OMAR]);
  });

  it.each(['sync-now', 'connected'] as const)(
    '%s checks every linked contact, fresh or not, open tab first',
    async (trigger) => {
      const h = syncUnderTest();
      await h.link('t-1', JANE);
      await h.link('t-2', SAM);
      h.state.open = ['t-2'];
      await h.run();
      await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
      await h.fake.advance(5 * SECOND);
      const from = h.arrivals.length;
      const run = await h.drive(h.engine.run(trigger));
      expect(run).toMatchObject({ trigger, contactsChecked: 2, changes: 1, outcome: 'ok' });
      expect(contactsFetched(h, from)).toEqual([SAM, JANE]);
      expect((await h.view('t-1')).contact).toMatchObject({ email: 'jane@new.example' });
    },
  );

  it('an alarm with nothing due records no run and publishes nothing new', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    await h.run();
    const published = h.statuses.length;
    for (let tick = 0; tick < 4; tick += 1) {
      await h.fake.advance(30 * SECOND);
      expect((await h.run()).contactsChecked).toBe(0);
    }
    expect(await listRuns(await h.db.get())).toHaveLength(1);
    expect(h.statuses).toHaveLength(published);
    expect((await h.engine.status()).lastRun).toMatchObject({ contactsChecked: 1, requests: 4 });
  });

  it('reads the settings every run: new tier ages apply without a restart', async () => {
    const h = syncUnderTest();
    await h.link('t-1', OMAR);
    await h.run();
    h.state.settings = { ...h.state.settings, otherMinutes: 10 };
    await h.fake.advance(10 * MINUTE);
    expect((await h.run()).contactsChecked).toBe(1);
  });

  it.each([0.5, 0.3])(
    'background sync spends at most %s of the burst limit in any 10 s window',
    async (share) => {
      const h = syncUnderTest({
        settings: { backgroundShare: share },
        engine: { maxContactsPerRun: 60 },
      });
      await manyLinked(h, 60);
      const run = await h.run();
      // Every request the run counts reached GHL (its bulk reads and each contact's notes).
      expect(run).toMatchObject({
        contactsChecked: 60,
        requests: h.arrivals.length,
        outcome: 'ok',
      });
      const busiest = busiestWindow(
        h.arrivals.map((a) => a.at),
        10 * SECOND,
      );
      expect(busiest).toBeLessThanOrEqual(Math.floor(100 * share));
      // …and spends a fair part of it: the cap is the setting, not something far lower.
      expect(busiest).toBeGreaterThanOrEqual(Math.floor((100 * share) / 2));
    },
    // 60 contacts through IndexedDB: on a busy machine this outlasts the default 5 s.
    30_000,
  );

  it('a run syncs batches of maxContactsPerRun, the next at once while more is due', async () => {
    const h = syncUnderTest({ engine: { maxContactsPerRun: 3 } });
    const ids = await manyLinked(h, 5);
    const from = h.arrivals.length;
    expect((await h.run()).contactsChecked).toBe(5);
    // Two batches: each made its own bulk reads (the second read its 2 contacts in bulk too).
    const scans = h.arrivals.slice(from).filter((a) => a.path === '/contacts/search');
    expect(scans.length).toBeGreaterThanOrEqual(2);
    expect(new Set(contactsFetched(h))).toEqual(new Set(ids));
    // Nothing is left for the next alarm.
    expect((await h.run()).outcome).toBe('skipped');
  });

  it('a long run syncs the open tab’s contact again between batches as its tier falls due', async () => {
    const h = syncUnderTest({
      engine: { maxContactsPerRun: 2 },
      settings: { backgroundShare: 0.1 },
    });
    const ids = await manyLinked(h, 40);
    h.state.open = ['t-0'];
    const run = await h.run();
    expect(run.contactsChecked).toBeGreaterThan(40);
    expect(run.endedAt! - run.startedAt).toBeGreaterThan(60 * SECOND);
    const openReads = contactsFetched(h).filter((id) => id === ids[0]);
    expect(openReads.length).toBeGreaterThanOrEqual(2);
    expect(new Set(contactsFetched(h))).toEqual(new Set(ids));
  }, 60_000);

  it('a run stops taking batches after MAX_RUN_MS; the rest waits for the next alarm', async () => {
    // One contact a batch, each 4 requests, at 1 request a second: 120 would take 8 minutes.
    const h = syncUnderTest({
      engine: { maxContactsPerRun: 1 },
      settings: { backgroundShare: 0.1 },
      contacts: 120,
    });
    await manyLinked(h, 120);
    const run = await h.run();
    expect(run.endedAt! - run.startedAt).toBeGreaterThanOrEqual(MAX_RUN_MS);
    expect(run.contactsChecked).toBeLessThan(120);
    expect((await h.engine.status()).firstSync?.done).toBe(run.contactsChecked);
  }, 60_000);

  it('two runs at once: one does the work, the other is skipped', async () => {
    const h = syncUnderTest();
    await manyLinked(h, 3);
    const [a, b] = await h.drive(Promise.all([h.engine.run('alarm'), h.engine.run('sync-now')]));
    expect([a.outcome, b.outcome].sort()).toEqual(['ok', 'skipped']);
    expect(contactsFetched(h)).toHaveLength(3);
    expect(await listRuns(await h.db.get())).toHaveLength(1);
  });

  it('shows first-sync progress until every linked contact was synced once', async () => {
    const h = syncUnderTest({ engine: { maxContactsPerRun: 2 } });
    await manyLinked(h, 3);
    expect((await h.engine.status()).firstSync).toEqual({ done: 0, total: 3 });
    await h.run();
    expect(h.statuses.map((s) => s.firstSync)).toContainEqual({ done: 1, total: 3 });
    expect(h.statuses.map((s) => s.firstSync)).toContainEqual({ done: 2, total: 3 });
    const status = h.statuses.at(-1)!;
    expect(status.firstSync).toBeUndefined();
    // Two batches in one run: the second, a lone contact, read as before (4 requests).
    expect(status.lastRun).toMatchObject({ outcome: 'ok', contactsChecked: 3 });
    expect(status.nextRunAt).toBe(h.fake.now() + 60 * MINUTE - 15 * SECOND);
  });

  it('publishes a large first sync’s progress in at most 100 steps, not after every contact', async () => {
    // Each publish reads every link: after every contact, a first sync cost contacts × links.
    const h = syncUnderTest({
      engine: { maxContactsPerRun: 150 },
      contacts: 150,
      settings: { backgroundShare: 0.9 },
    });
    await manyLinked(h, 150);
    h.statuses.length = 0;
    await h.run();
    const progress = h.statuses.filter((s) => s.running && s.firstSync);
    // 150 contacts: every second one (75 steps), not all 150.
    expect(progress.length).toBe(75);
    expect(progress.map((s) => s.firstSync!.done)).toContainEqual(76);
    expect(h.statuses.at(-1)).toMatchObject({ running: false, firstSync: undefined });
  }, 60_000);

  it('stops cleanly when the connection needs a person mid-run, and records it', async () => {
    const h = syncUnderTest();
    await manyLinked(h, 3);
    let calls = 0;
    const real = h.client.notes.list;
    h.client.notes.list = (id, options) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new GhlError('reconnect-needed', 'connection'));
      return real(id, options);
    };
    const run = await h.run();
    expect(run).toMatchObject({ outcome: 'partial', contactsChecked: 1 });
    expect(run.errors).toEqual([expect.objectContaining({ kind: 'reconnect-needed' })]);
    expect(calls).toBe(2);
    expect((await h.engine.status()).lastRun).toMatchObject({ errors: 1, outcome: 'partial' });
  });

  it('does nothing (and records nothing) while not connected', async () => {
    const h = syncUnderTest();
    await manyLinked(h, 2);
    h.state.connected = false;
    expect((await h.run()).outcome).toBe('skipped');
    expect(await listRuns(await h.db.get())).toEqual([]);
    expect(h.arrivals).toEqual([]);
  });

  it('reports a full storage quota instead of swallowing it', async () => {
    let full = true;
    const h = syncUnderTest();
    const source = h.deps.db;
    h.deps.db = {
      ...source,
      async get() {
        const db = await source.get();
        return new Proxy(db, {
          get(target, prop) {
            if (prop !== 'transaction') {
              const value: unknown = Reflect.get(target, prop);
              return typeof value === 'function' ? value.bind(target) : value;
            }
            return (stores: string | string[], mode?: IDBTransactionMode) => {
              if (full && mode === 'readwrite' && [stores].flat().includes('tasks')) {
                throw new DOMException('Quota exceeded', 'QuotaExceededError');
              }
              return target.transaction(stores as 'tasks', mode);
            };
          },
        });
      },
    };
    await manyLinked(h, 2);
    const run = await h.run();
    expect(run.errors).toEqual([expect.objectContaining({ kind: 'quota' })]);
    expect(run.outcome).toBe('failed');
    const status = await h.engine.status();
    expect(status.problem).toMatch(/storage quota/);
    full = false;
    expect((await h.run()).outcome).toBe('ok');
    expect((await h.engine.status()).problem).toBeUndefined();
  });

  it('without Web Locks, runs on another engine wait their turn through the lease', async () => {
    const h = syncUnderTest();
    await manyLinked(h, 2);
    const db = await h.db.get();
    await db.put(
      'meta',
      { owner: 'engine-2', expiresAt: h.fake.now() + 10 * MINUTE },
      SYNC_LEASE_KEY,
    );
    expect((await drive(h.fake, h.engine.run('alarm'))).outcome).toBe('skipped');
  });
});
