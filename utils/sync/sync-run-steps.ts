import type { ConnectionClient } from '../auth/connection-client';
import type { SyncRun } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import { QUOTA_MESSAGE } from '../db/quota';
import type { RequestPriority } from '../ghl/rate-limiter';
import type { FieldMapping } from '../mapping/field-mapping';
import { syncContacts } from './sync-batch';
import type { FetchedContact } from './contact-findings';
import type { SyncEngineDeps } from './sync-engine';
import { isQuotaFailure } from './sync-errors';
import { takeLease } from './sync-lease';
import { finishRun, runOutcome } from './sync-runs';
import type { SyncSettings } from '../storage/sync-settings';
import type { StatusPublisher } from './sync-status-publisher';
import { saveSyncProblem } from './sync-status-reader';

/**
 * One sync engine as its runs see it: its deps, the defaults it filled in and its status. Built
 * once by createSyncEngine and handed to a scheduled run (sync-locked-run) and to a contact
 * refresh (contact-refresh), which share the steps below.
 */
export interface SyncEngineContext {
  deps: SyncEngineDeps;
  /** This engine's name in the lease. */
  owner: string;
  /** How long a run's lease lasts without renewal; renewed per contact. */
  leaseMs: number;
  /** Contacts synced per run at most, so a run stays short. */
  maxPerRun: number;
  publisher: StatusPublisher;
}

/** What a run reads once at its start, so a change applies from the next run. */
export interface RunInputs {
  settings: SyncSettings;
  mapping: FieldMapping;
}

/** Reads the settings and the field mapping. */
export async function readRunInputs(deps: SyncEngineDeps): Promise<RunInputs> {
  const [settings, mapping] = await Promise.all([deps.settings(), deps.mapping()]);
  return { settings, mapping };
}

/**
 * Published progress steps of a first full sync at most: each publish reads every link (see
 * loadSyncPlan), so publishing after every contact of 5,000 links would cost contacts × links.
 */
const PROGRESS_STEPS = 100;

/**
 * Syncs contacts one after another into `run`, at `priority`. With `progressOf` (the first full
 * sync's total of linked contacts), the status is published as contacts are done: after every
 * one up to PROGRESS_STEPS links, then every total / PROGRESS_STEPS contacts.
 */
export function syncAll(
  engine: SyncEngineContext,
  db: CacheDatabase,
  client: ConnectionClient,
  { settings, mapping }: RunInputs,
  progressOf?: number,
) {
  const { deps, owner, leaseMs, publisher } = engine;
  const { clock } = deps;
  const every = progressOf === undefined ? 0 : Math.max(1, Math.ceil(progressOf / PROGRESS_STEPS));
  let done = 0;
  const progress = () =>
    ++done % every === 0 ? publisher.publish({ running: true }) : Promise.resolve();
  return (
    contactIds: readonly string[],
    run: SyncRun,
    priority: RequestPriority,
    prefetched?: ReadonlyMap<string, FetchedContact>,
  ) =>
    syncContacts(
      {
        prefetched,
        db,
        client,
        clock,
        settings,
        mapping,
        timeZone: deps.timeZone,
        run,
        priority,
        onTranscriptChanged: deps.onTranscriptChanged,
        // The progress bar of the first full sync moves contact by contact.
        afterEach: every > 0 ? progress : undefined,
        // A background run renews its lease before each contact; a person's refresh holds none.
        beforeEach:
          priority === 'background' ? () => takeLease(db, owner, clock.now(), leaseMs) : undefined,
      },
      contactIds,
    );
}

/** Ends a run: records it, stores or clears the quota problem, and returns it. */
export async function endRun(
  engine: SyncEngineContext,
  db: CacheDatabase,
  id: number | undefined,
  run: SyncRun,
) {
  run.endedAt = engine.deps.clock.now();
  run.outcome = runOutcome(run);
  const quota = run.errors.some((e) => e.kind === 'quota');
  try {
    if (id !== undefined) await finishRun(db, id, run);
    await saveSyncProblem(db, quota ? QUOTA_MESSAGE : undefined);
  } catch (error) {
    // The browser refuses even the record of the run: the popup still hears of it.
    if (!isQuotaFailure(error)) throw error;
    await engine.publisher.publish({ problem: QUOTA_MESSAGE });
  }
  return run;
}
