import type { SyncRun } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import { quotaPressure } from '../ghl/daily-quota';
import { stretchForQuota } from './quota-stretch';
import { evictUnlinkedContacts } from './cache-eviction';
import { SYNC_GRACE_MS } from './sync-alarm';
import { isQuotaFailure, runErrorOf } from './sync-errors';
import { releaseLease, takeLease } from './sync-lease';
import { loadSyncPlan } from './sync-plan';
import { readInBulk } from './bulk-reads';
import { syncBudget } from './team-budget';
import { partsToFetch } from '../transcripts/contact-parts';
import { endRun, readRunInputs, syncAll, type SyncEngineContext } from './sync-run-steps';
import { newRun, skippedRun, startRun } from './sync-runs';

/**
 * How long a run goes on taking batch after batch while more is due than one batch holds; what
 * is left waits for the next alarm. Long enough for a first sync of 1,000 links (about 1,100
 * requests at half the burst limit: under 4 min) in one go.
 */
export const MAX_RUN_MS = 4 * 60_000;

/**
 * A run, holding the lock (a Web Lock if `webLock`: then a lease left behind is a dead worker's,
 * taken over). Answers 'nothing-due' when an alarm found nothing to do: no run is recorded, or
 * the history would be a run every 30 s with nothing in it.
 */
export async function runHoldingLock(
  engine: SyncEngineContext,
  db: CacheDatabase,
  trigger: SyncRun['trigger'],
  webLock: boolean,
): Promise<SyncRun | 'nothing-due'> {
  const { deps, owner, leaseMs, maxPerRun, publisher } = engine;
  const run = newRun(deps.clock.now(), trigger);
  const took = await takeLease(db, owner, run.startedAt, leaseMs, { takeOver: webLock });
  if (!took) return skippedRun(run);
  publisher.runStarted();
  let id: number | undefined;
  try {
    const client = await deps.connection.client();
    const limiter = deps.limiterFor?.(client.locationId);
    const pressure = quotaPressure(limiter?.dailyQuota(), run.startedAt);
    // Under 5% of the location's daily limit left: no sync of every link (scheduled or Sync now,
    // which reads them all at background priority) until GHL's reset, so what is left serves
    // people's own actions; opening a transcript still refreshes its contact (refreshContact).
    if (pressure === 'paused') return 'nothing-due';
    const inputs = await readRunInputs(deps);
    const { settings } = inputs;
    limiter?.setBackgroundShare(settings.backgroundShare);
    const budget = syncBudget(settings, limiter?.dailyQuota()?.limit, limiter?.locationSpend());
    const planNow = async (everyContact: boolean) =>
      loadSyncPlan(db, {
        now: deps.clock.now(),
        settings,
        openTranscriptIds: await deps.openTranscriptIds(),
        graceMs: SYNC_GRACE_MS,
        locationId: client.locationId,
        everyContact,
        requestsPerDay: budget.requestsPerDay,
        // Under 20% of the daily limit left: every tier 4× slower than the budget allows.
        afterFit: (fitted) => stretchForQuota(fitted, pressure),
      });
    // A person asked: what they changed in GHL a minute ago must show, fresh tier or not.
    const plan = await planNow(trigger === 'sync-now' || trigger === 'connected');
    if (plan.due.length === 0 && trigger === 'alarm') return 'nothing-due';
    id = await startRun(db, run);
    await publisher.publish({ running: true });
    const sync = syncAll(engine, db, client, inputs, plan.firstSync?.total);
    // More due than a batch (a first sync, Sync now over many links): the next batch follows at
    // once rather than an alarm or two later, for at most MAX_RUN_MS; each next batch starts
    // with what fell due meanwhile by its tier (the open tab's contact, every 30 s).
    let pending = plan.due.map((c) => c.contactId);
    for (let batchNo = 0; ; batchNo += 1) {
      const dueAgain = batchNo === 0 ? [] : (await planNow(false)).due.map((c) => c.contactId);
      const due = [...new Set([...dueAgain, ...pending])].slice(0, maxPerRun);
      if (due.length === 0) break;
      const bulk = await readInBulk(
        {
          db,
          ghl: client.ghl,
          locationId: client.locationId,
          now: deps.clock.now(),
          parts: partsToFetch(settings),
          call: { priority: 'background' },
        },
        due,
      );
      run.requests += bulk.requests;
      const completed = await sync(due, run, 'background', bulk.prefetched);
      const done = new Set(due);
      pending = pending.filter((contactId) => !done.has(contactId));
      if (!completed || pending.length === 0) break;
      if (deps.clock.now() - run.startedAt >= MAX_RUN_MS) break;
    }
    if (!run.errors.some((e) => e.kind === 'quota')) {
      await evictUnlinkedContacts(db, settings.maxUnlinkedContacts);
    }
  } catch (error) {
    run.errors.push(runErrorOf(error));
    // Not connected before anything was asked: nothing ran, and the connection status says why.
    if (id === undefined && !isQuotaFailure(error)) return skippedRun(run);
  } finally {
    publisher.runEnded();
    await releaseLease(db, owner).catch(() => {});
  }
  return endRun(engine, db, id, run);
}
