import type { ConnectionClient } from '../auth/connection-client';
import type { Clock } from '../clock';
import type { SyncRun } from '../db/cache-schema';
import type { CacheDatabase, CacheDbSource } from '../db/open-cache-db';
import { QUOTA_MESSAGE } from '../db/quota';
import type { RequestPriority, RateLimiter } from '../ghl/rate-limiter';
import { evictUnlinkedContacts } from './cache-eviction';
import type { TranscriptChange } from './contact-sync';
import { syncContacts } from './sync-batch';
import { SYNC_ALARM_PERIOD_MINUTES } from './sync-alarm';
import { isQuotaFailure, runErrorOf } from './sync-errors';
import { releaseLease, SYNC_LOCK, takeLease, withLockIfAvailable } from './sync-lease';
import { loadSyncPlan } from './sync-plan';
import { finishRun, newRun, runOutcome, startRun } from './sync-runs';
import type { SyncSettings } from './sync-settings';
import { IDLE_SYNC_STATUS, type SyncStatus } from './sync-status';
import { readSyncStatus, saveSyncProblem } from './sync-status-reader';

/** What {@link createSyncEngine} is built from; tests pass the Sandbox, a fake clock and fakes. */
export interface SyncEngineDeps {
  db: CacheDbSource;
  /** The connection's client; throws `reconnect-needed` while not connected. */
  connection: { client(): Promise<ConnectionClient> };
  clock: Clock;
  /** Read at the start of every run, so a changed setting applies from the next run. */
  settings(): Promise<SyncSettings>;
  /** Transcripts open in a tab now: their contacts are the freshest tier. */
  openTranscriptIds(): Promise<string[]>;
  /** A linked transcript's cached view changed: tell its open panel. */
  onTranscriptChanged?(change: TranscriptChange): void | Promise<void>;
  /** The status changed (a run started, progressed or ended): publish it. */
  onStatus?(status: SyncStatus): void | Promise<void>;
  outboxSummary?(): Promise<SyncStatus['outbox']>;
  /** The location's rate limiter, to apply the background share setting. */
  limiterFor?(locationId: string): RateLimiter;
  /** Time zone of dates in timeline lines; the runtime's by default. */
  timeZone?: string;
  /** Contacts synced per run at most, so a run stays short (default 25). */
  maxContactsPerRun?: number;
  /** How long a run's lease lasts without renewal (default 2 min); renewed per contact. */
  leaseMs?: number;
  /** This engine's name in the lease (default: a random UUID). */
  owner?: string;
}

/**
 * A contact falling due within half an alarm period is synced on this tick rather than the next:
 * ticks come every 30 s, so each tier is kept within its age (give or take the run's length)
 * instead of up to a period over it.
 */
const GRACE_MS = (SYNC_ALARM_PERIOD_MINUTES * 60_000) / 2;

/**
 * The background sync: on every alarm, the linked contacts that are due (open tab first, then
 * recently viewed, then the rest) are synced at background priority, within the share of the
 * rate budget the settings allow; on Sync now and a new connection, every linked contact in the
 * same order. Runs never overlap (a Web Lock and a lease in IndexedDB), all scheduling state is
 * in IndexedDB, and every run that asked GHL anything is recorded.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { clock } = deps;
  const owner = deps.owner ?? crypto.randomUUID();
  const leaseMs = deps.leaseMs ?? 2 * 60_000;
  const maxPerRun = deps.maxContactsPerRun ?? 25;
  /** Runs of this engine going on: "running" for sure, whatever the lease says. */
  let runsHere = 0;
  /** The status last published, to leave out publishing an unchanged one. */
  let published: string | undefined;

  async function status(override?: Partial<SyncStatus>): Promise<SyncStatus> {
    const db = await deps.db.get();
    const [settings, open, outbox] = await Promise.all([
      deps.settings(),
      deps.openTranscriptIds(),
      deps.outboxSummary?.() ?? IDLE_SYNC_STATUS.outbox,
    ]);
    const options = { now: clock.now(), settings, openTranscriptIds: open, graceMs: GRACE_MS };
    const read = await readSyncStatus(db, { ...options, outbox });
    return { ...read, running: read.running || runsHere > 0, ...override };
  }

  /** Publishes the status; with `ifChanged`, only if it differs from the last one published. */
  async function publish(override?: Partial<SyncStatus>, options: { ifChanged?: boolean } = {}) {
    if (!deps.onStatus) return;
    const next = await status(override).catch(() => ({ ...IDLE_SYNC_STATUS, ...override }));
    const json = JSON.stringify(next);
    if (options.ifChanged && json === published) return;
    published = json;
    await deps.onStatus(next);
  }

  /** Syncs contacts one after another into `run`, at `priority`. */
  function syncAll(
    db: CacheDatabase,
    client: ConnectionClient,
    settings: SyncSettings,
    showProgress = false,
  ) {
    return (contactIds: readonly string[], run: SyncRun, priority: RequestPriority) =>
      syncContacts(
        {
          db,
          client,
          clock,
          settings,
          timeZone: deps.timeZone,
          run,
          priority,
          onTranscriptChanged: deps.onTranscriptChanged,
          // The progress bar of the first full sync moves contact by contact.
          afterEach: showProgress ? () => publish({ running: true }) : undefined,
          // A background run renews its lease before each contact; a person's refresh holds none.
          beforeEach:
            priority === 'background'
              ? () => takeLease(db, owner, clock.now(), leaseMs)
              : undefined,
        },
        contactIds,
      );
  }

  /** Ends a run: records it, stores or clears the quota problem, and returns it. */
  async function finish(db: CacheDatabase, id: number | undefined, run: SyncRun) {
    run.endedAt = clock.now();
    run.outcome = runOutcome(run);
    const quota = run.errors.some((e) => e.kind === 'quota');
    try {
      if (id !== undefined) await finishRun(db, id, run);
      await saveSyncProblem(db, quota ? QUOTA_MESSAGE : undefined);
    } catch (error) {
      // The browser refuses even the record of the run: the popup still hears of it.
      if (!isQuotaFailure(error)) throw error;
      await publish({ problem: QUOTA_MESSAGE });
    }
    return run;
  }

  /**
   * A run, holding the lock (a Web Lock if `webLock`: then a lease left behind is a dead worker's,
   * taken over). Answers 'nothing-due' when an alarm found nothing to do: no run is recorded, or
   * the history would be a run every 30 s with nothing in it.
   */
  async function runHoldingLock(
    db: CacheDatabase,
    trigger: SyncRun['trigger'],
    webLock: boolean,
  ): Promise<SyncRun | 'nothing-due'> {
    const run = newRun(clock.now(), trigger);
    const took = await takeLease(db, owner, run.startedAt, leaseMs, { takeOver: webLock });
    if (!took) return skipped(run);
    runsHere += 1;
    let id: number | undefined;
    try {
      const client = await deps.connection.client();
      const settings = await deps.settings();
      deps.limiterFor?.(client.locationId).setBackgroundShare(settings.backgroundShare);
      const plan = await loadSyncPlan(db, {
        now: run.startedAt,
        settings,
        openTranscriptIds: await deps.openTranscriptIds(),
        graceMs: GRACE_MS,
        locationId: client.locationId,
        // A person asked: what they changed in GHL a minute ago must show, fresh tier or not.
        everyContact: trigger === 'sync-now' || trigger === 'connected',
      });
      const due = plan.due.slice(0, maxPerRun).map((c) => c.contactId);
      if (due.length === 0 && trigger === 'alarm') return 'nothing-due';
      id = await startRun(db, run);
      await publish({ running: true });
      await syncAll(db, client, settings, plan.firstSync !== undefined)(due, run, 'background');
      if (!run.errors.some((e) => e.kind === 'quota')) {
        await evictUnlinkedContacts(db, settings.maxUnlinkedContacts);
      }
    } catch (error) {
      run.errors.push(runErrorOf(error));
      // Not connected before anything was asked: nothing ran, and the connection status says why.
      if (id === undefined && !isQuotaFailure(error)) return skipped(run);
    } finally {
      runsHere -= 1;
      await releaseLease(db, owner).catch(() => {});
    }
    return finish(db, id, run);
  }

  return {
    /**
     * One run: the due contacts (every linked one on Sync now) in tier order. Answers outcome
     * 'skipped' if a run is going on, or nothing was due.
     */
    async run(trigger: SyncRun['trigger']): Promise<SyncRun> {
      const db = await deps.db.get();
      const held = await withLockIfAvailable(SYNC_LOCK, ({ webLock }) =>
        runHoldingLock(db, trigger, webLock),
      );
      if (!held.ran) return skipped(newRun(clock.now(), trigger));
      if (held.value === 'nothing-due') {
        // Still published if it changed, e.g. a tab opened and brought the next run forward.
        await publish(undefined, { ifChanged: true });
        return skipped(newRun(clock.now(), trigger));
      }
      await publish();
      return held.value;
    },

    /**
     * A panel opened on a transcript: syncs its contact now, at a person's priority, without
     * waiting for a run (the two cannot narrate one change twice: see syncContact). Recorded as a
     * run of its own. Throws when not connected.
     */
    async refreshContact(
      contactId: string,
      trigger: SyncRun['trigger'] = 'panel-open',
    ): Promise<SyncRun> {
      const db = await deps.db.get();
      const client = await deps.connection.client();
      const settings = await deps.settings();
      const run = newRun(clock.now(), trigger);
      let id: number | undefined;
      try {
        id = await startRun(db, run);
      } catch (error) {
        run.errors.push(runErrorOf(error, contactId));
      }
      if (id !== undefined) await syncAll(db, client, settings)([contactId], run, 'user');
      await finish(db, id, run);
      await publish();
      return run;
    },

    /** The status the popup shows, read from the cache. */
    status: () => status(),
  };
}

/**
 * A run that did nothing because another one holds the lock or lease, nothing is connected or
 * nothing was due.
 */
function skipped(run: SyncRun): SyncRun {
  return { ...run, endedAt: run.startedAt, outcome: 'skipped' };
}

/** See {@link createSyncEngine}. */
export type SyncEngine = ReturnType<typeof createSyncEngine>;
