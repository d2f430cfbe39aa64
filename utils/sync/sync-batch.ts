import type { ConnectionClient } from '../auth/connection-client';
import type { Clock } from '../clock';
import type { SyncRun } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { RequestPriority } from '../ghl/rate-limiter';
import type { FieldMapping } from '../mapping/field-mapping';
import { countedReads } from './contact-reads';
import type { FetchedContact } from './contact-findings';
import { syncContact, type TranscriptChange } from './contact-sync';
import { runErrorOf, stopsRun } from './sync-errors';
import { clearSyncFailure, recordSyncFailure } from './sync-failures';
import { noteOddRecords } from './sync-runs';
import type { SyncSettings } from '../storage/sync-settings';

/** A batch of contacts to sync, and where its results go. */
export interface SyncBatch {
  db: CacheDatabase;
  client: ConnectionClient;
  clock: Clock;
  /** What to sync (read at the start of the run). */
  settings: SyncSettings;
  /** The live field mapping (read at the start of the run, like the settings). */
  mapping: FieldMapping;
  timeZone?: string;
  priority: RequestPriority;
  /** Counts requests, contacts checked, changes, errors and records that did not fit. */
  run: SyncRun;
  /** What a bulk read already answered, per contact (see bulk-reads). */
  prefetched?: ReadonlyMap<string, FetchedContact>;
  /** Before each contact; answering false stops the batch (e.g. the run's lease was lost). */
  beforeEach?(): Promise<boolean>;
  afterEach?(): Promise<unknown>;
  onTranscriptChanged?(change: TranscriptChange): void | Promise<void>;
}

/**
 * Syncs contacts one after another (one at a time keeps a run's share of the rate budget smooth
 * and its lease meaningful), tallying into `batch.run`. A failure of one contact is recorded, the
 * contact waits for a retry (see sync-failures) and the batch goes on, unless the next contacts
 * would fail the same way (see stopsRun). Answers whether it went through every contact.
 */
export async function syncContacts(
  batch: SyncBatch,
  contactIds: readonly string[],
): Promise<boolean> {
  const { run, client } = batch;
  const ghl = countedReads(
    client.ghl,
    () => (run.requests += 1),
    (odd) => noteOddRecords(run, odd),
  );
  const deps = { ...batch, ghl, locationId: client.locationId };
  for (const contactId of contactIds) {
    if (batch.beforeEach && !(await batch.beforeEach())) {
      run.errors.push({ kind: 'lease-lost', message: 'Another sync took over.' });
      return false;
    }
    try {
      const result = await syncContact(
        deps,
        contactId,
        { priority: batch.priority },
        batch.prefetched?.get(contactId),
      );
      run.contactsChecked += 1;
      run.changes += result.changes;
      await keepRetrySchedule(() => clearSyncFailure(batch.db, contactId));
      await tellPanels(batch, result.changedTranscripts);
    } catch (error) {
      run.errors.push(runErrorOf(error, contactId));
      if (stopsRun(error)) return false;
      await keepRetrySchedule(() => recordSyncFailure(batch.db, contactId, batch.clock.now()));
    }
    await batch.afterEach?.();
  }
  return true;
}

/**
 * Keeps the retry schedule of failed contacts (see sync-failures). Best effort: should the cache
 * refuse it (quota, which the run reports anyway), a contact is only retried sooner or later.
 */
async function keepRetrySchedule(write: () => Promise<void>) {
  try {
    await write();
  } catch {
    // See above.
  }
}

/**
 * Tells open panels what changed. The cache already has it, so a panel that cannot be told (its
 * tab closed meanwhile) reads it when it opens: a failure here is not a failure of the sync.
 */
async function tellPanels(batch: SyncBatch, changes: readonly TranscriptChange[]) {
  for (const change of changes) {
    try {
      await batch.onTranscriptChanged?.(change);
    } catch {
      // See above.
    }
  }
}
