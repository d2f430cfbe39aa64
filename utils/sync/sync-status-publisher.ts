import type { CacheDatabase } from '../db/open-cache-db';
import { quotaPressure } from '../ghl/daily-quota';
import { stretchForQuota } from './quota-stretch';
import { SYNC_GRACE_MS } from './sync-alarm';
import type { SyncEngineDeps } from './sync-engine';
import { IDLE_SYNC_STATUS, type SyncStatus } from '../storage/sync-status';
import { readSyncStatus } from './sync-status-reader';
import { missingBulkScopes, readBulkFacts } from './bulk-scopes';
import { syncBudget } from './team-budget';

/** What the status is read from and published to: part of the engine's deps. */
export type StatusPublisherDeps = Pick<
  SyncEngineDeps,
  | 'db'
  | 'clock'
  | 'settings'
  | 'openTranscriptIds'
  | 'outboxSummary'
  | 'onStatus'
  | 'dailyQuota'
  | 'locationSpend'
  | 'connection'
  | 'connectedLocation'
>;

/** The window "GHL requests" in the popup counts over. */
const QUOTA_WINDOW_MS = 24 * 60 * 60_000;

/**
 * The sync engine's status: read from the cache, plus whether a run of this engine is going on,
 * and published when a run starts, progresses or ends.
 */
export function createStatusPublisher(deps: StatusPublisherDeps) {
  const { clock } = deps;
  /** Runs of this engine going on: "running" for sure, whatever the lease says. */
  let runsHere = 0;
  /** The status last published, to leave out publishing an unchanged one. */
  let published: string | undefined;

  /** The status the popup shows, read from the cache; `override` wins over what was read. */
  async function status(override?: Partial<SyncStatus>): Promise<SyncStatus> {
    const db = await deps.db.get();
    const [stored, open, outbox] = await Promise.all([
      deps.settings(),
      deps.openTranscriptIds(),
      deps.outboxSummary?.() ?? IDLE_SYNC_STATUS.outbox,
    ]);
    const now = clock.now();
    const [quota, locationId, spend] = await Promise.all([
      quotaStatus(db, now),
      connectedLocation(),
      deps.locationSpend?.(),
    ]);
    // Planned as runs plan: slower while the quota is short, fitted into the daily budget (cut
    // for the team while the location spends faster than its share; see sync-locked-run).
    const settings = stored;
    const budget = locationId === undefined ? undefined : syncBudget(settings, quota.limit, spend);
    const options = {
      now,
      settings,
      afterFit: (fitted: typeof stored) => stretchForQuota(fitted, quota.pressure),
      openTranscriptIds: open,
      graceMs: SYNC_GRACE_MS,
      locationId,
      requestsPerDay: budget?.requestsPerDay,
    };
    const read = await readSyncStatus(db, { ...options, outbox, team: budget?.team });
    const missing = locationId ? missingBulkScopes(await readBulkFacts(db, locationId), now) : [];
    // Paused until GHL's daily reset, which GHL does not announce: no time to promise.
    const nextRunAt = quota.pressure === 'paused' ? undefined : read.nextRunAt;
    return {
      ...read,
      nextRunAt,
      running: read.running || runsHere > 0,
      quota,
      ...(missing.length > 0 && { missingScopes: missing }),
      ...override,
    };
  }

  /** The connected location; none while not connected. */
  async function connectedLocation(): Promise<string | undefined> {
    if (deps.connectedLocation) return deps.connectedLocation();
    try {
      return (await deps.connection.client()).locationId;
    } catch {
      return undefined;
    }
  }

  /** This browser's GHL requests of the last 24 h (from the audit log) and the location's quota. */
  async function quotaStatus(
    db: CacheDatabase,
    now: number,
  ): Promise<NonNullable<SyncStatus['quota']>> {
    const sentLast24h = await db.countFromIndex(
      'audit',
      'by-at',
      IDBKeyRange.lowerBound(now - QUOTA_WINDOW_MS),
    );
    const daily = await deps.dailyQuota?.();
    return {
      sentLast24h,
      ...(daily && { limit: daily.limit, remaining: daily.remaining }),
      pressure: quotaPressure(daily, now),
    };
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

  return {
    status,
    publish,
    /** A run of this engine took the lease: the status says "running" until it ends. */
    runStarted(): void {
      runsHere += 1;
    },
    /** A run of this engine ended (whether or not it released the lease). */
    runEnded(): void {
      runsHere -= 1;
    },
  };
}

/** See {@link createStatusPublisher}. */
export type StatusPublisher = ReturnType<typeof createStatusPublisher>;
