import type { ConnectionClient } from '../auth/connection-client';
import type { Clock } from '../clock';
import type { SyncRun } from '../db/cache-schema';
import type { CacheDbSource } from '../db/open-cache-db';
import type { LocationSpend } from '../ghl/location-spend';
import type { DailyQuota } from '../ghl/daily-quota';
import type { RateLimiter } from '../ghl/rate-limiter';
import type { FieldMapping } from '../mapping/field-mapping';
import { refreshContact } from './contact-refresh';
import type { TranscriptChange } from './contact-sync';
import { SYNC_LOCK, withLockIfAvailable } from './sync-lease';
import { runHoldingLock } from './sync-locked-run';
import type { SyncEngineContext } from './sync-run-steps';
import { newRun, skippedRun } from './sync-runs';
import type { SyncSettings } from '../storage/sync-settings';
import { createStatusPublisher } from './sync-status-publisher';
import type { SyncStatus } from '../storage/sync-status';

/** What {@link createSyncEngine} is built from; tests pass the Sandbox, a fake clock and fakes. */
export interface SyncEngineDeps {
  db: CacheDbSource;
  /** The connection's client; throws `reconnect-needed` while not connected. */
  connection: { client(): Promise<ConnectionClient> };
  clock: Clock;
  /** Read at the start of every run, so a changed setting applies from the next run. */
  settings(): Promise<SyncSettings>;
  /**
   * The live field mapping, read at the start of every run like the settings: what a linked
   * transcript's record keeps of its contact (fieldMappingItem.read in the extension).
   */
  mapping(): Promise<FieldMapping>;
  /** Transcripts open in a tab now: their contacts are the freshest tier. */
  openTranscriptIds(): Promise<string[]>;
  /** A linked transcript's cached view changed: tell its open panel. */
  onTranscriptChanged?(change: TranscriptChange): void | Promise<void>;
  /** The status changed (a run started, progressed or ended): publish it. */
  onStatus?(status: SyncStatus): void | Promise<void>;
  outboxSummary?(): Promise<SyncStatus['outbox']>;
  /**
   * The location's rate limiter, to apply the background share setting and to read the daily
   * quota a run must spare.
   */
  limiterFor?(locationId: string): RateLimiter;
  /**
   * The connected location, also while a reconnect is needed (its cache still answers), for the
   * status: its budget and the scopes its bulk reads lack. Without it the status asks
   * `connection.client()`, which has none while a reconnect is needed.
   */
  connectedLocation?(): Promise<string | undefined>;
  /** The connected location's daily quota as GHL last reported it, for the status. */
  dailyQuota?(): Promise<DailyQuota | undefined>;
  /** The connected location's pace of spending it, for the status (the team's budget). */
  locationSpend?(): Promise<LocationSpend | undefined>;
  /** Time zone of dates in timeline lines; the runtime's by default. */
  timeZone?: string;
  /**
   * Contacts synced per run at most, so a run stays short (default 100: with the bulk reads a
   * contact costs about one request, its notes, so a run is about 110 requests, some 22 s at
   * half the burst limit; a first sync of 1,000 links takes ten runs).
   */
  maxContactsPerRun?: number;
  /** How long a run's lease lasts without renewal (default 2 min); renewed per contact. */
  leaseMs?: number;
  /** This engine's name in the lease (default: a random UUID). */
  owner?: string;
}

/**
 * The background sync: on every alarm, the linked contacts that are due (open tab first, then
 * recently viewed, then the rest) are synced at background priority, within the share of the
 * rate budget the settings allow; on Sync now and a new connection, every linked contact in the
 * same order. Runs never overlap (a Web Lock and a lease in IndexedDB), all scheduling state is
 * in IndexedDB, and every run that asked GHL anything is recorded.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { clock } = deps;
  const engine: SyncEngineContext = {
    deps,
    owner: deps.owner ?? crypto.randomUUID(),
    leaseMs: deps.leaseMs ?? 2 * 60_000,
    maxPerRun: deps.maxContactsPerRun ?? 100,
    publisher: createStatusPublisher(deps),
  };
  const { publisher } = engine;

  return {
    /**
     * One run: the due contacts (every linked one on Sync now) in tier order. Answers outcome
     * 'skipped' if a run is going on, or nothing was due.
     */
    async run(trigger: SyncRun['trigger']): Promise<SyncRun> {
      const db = await deps.db.get();
      const held = await withLockIfAvailable(SYNC_LOCK, ({ webLock }) =>
        runHoldingLock(engine, db, trigger, webLock),
      );
      if (!held.ran) return skippedRun(newRun(clock.now(), trigger));
      if (held.value === 'nothing-due') {
        // Still published if it changed, e.g. a tab opened and brought the next run forward.
        await publisher.publish(undefined, { ifChanged: true });
        return skippedRun(newRun(clock.now(), trigger));
      }
      await publisher.publish();
      return held.value;
    },

    /** A panel opened on a transcript: syncs its contact now (see refreshContact). */
    async refreshContact(
      contactId: string,
      trigger: SyncRun['trigger'] = 'panel-open',
    ): Promise<SyncRun> {
      return refreshContact(engine, contactId, trigger);
    },

    /** The status the popup shows, read from the cache. */
    status: () => publisher.status(),
  };
}

/** See {@link createSyncEngine}. */
export type SyncEngine = ReturnType<typeof createSyncEngine>;
