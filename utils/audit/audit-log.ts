import type { Clock } from '../clock';
import type { AuditEntry } from '../db/cache-schema';
import type { CacheDbSource } from '../db/open-cache-db';
import type { RequestAttempt } from '../ghl/send-once';
import { auditEntryOf } from './audit-entry';

const DAY_MS = 24 * 60 * 60_000;

/** What {@link createAuditLog} is built from. */
export interface AuditLogDeps {
  db: CacheDbSource;
  clock: Clock;
  /**
   * Hears a batch that could not be stored (the storage quota is spent, the database is gone).
   * The batch is dropped: retrying would only grow it.
   */
  onProblem: (error: unknown) => void;
  /** How long new entries wait to share one transaction. Default 50 ms. */
  flushDelayMs?: number;
}

/** Options of {@link AuditLog.prune}. */
export interface AuditPruneOptions {
  /** Entries older than this many days are removed. */
  retentionDays: number;
  /** At most this many entries are kept, the newest. */
  maxEntries?: number;
}

/**
 * The audit log: one line per request sent to GHL (see {@link auditEntryOf}), in the cache
 * database's `audit` store. Recording is synchronous and cheap: entries are written together a
 * moment later, one transaction per batch, so a sync of a hundred requests is not a hundred
 * transactions. The delay is short because a service worker may stop at any time, losing what
 * was still waiting.
 */
export function createAuditLog(deps: AuditLogDeps) {
  const { clock } = deps;
  const delay = deps.flushDelayMs ?? 50;
  let pending: AuditEntry[] = [];
  let scheduled = false;
  // Batches are written one after another, so the log keeps the order requests were made in.
  let writing: Promise<void> = Promise.resolve();

  async function write(batch: AuditEntry[]): Promise<void> {
    try {
      const db = await deps.db.get();
      const tx = db.transaction('audit', 'readwrite');
      await Promise.all([...batch.map((entry) => tx.store.add(entry)), tx.done]);
    } catch (error) {
      deps.onProblem(error);
    }
  }

  /** Writes what is waiting now; resolves once it is stored (or reported to `onProblem`). */
  function flush(): Promise<void> {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length) writing = writing.then(() => write(batch));
    return writing;
  }

  return {
    /** Notes one request; stored with the others of the next moment. Never throws. */
    record(attempt: RequestAttempt): void {
      pending.push(auditEntryOf(attempt));
      if (scheduled) return;
      scheduled = true;
      void clock.sleep(delay).then(flush);
    },

    flush,

    /** The most recent entries, newest first, including any not yet written. */
    async list(options: { limit?: number } = {}): Promise<AuditEntry[]> {
      const limit = options.limit ?? 500;
      await flush();
      const db = await deps.db.get();
      const entries: AuditEntry[] = [];
      let cursor = await db.transaction('audit').store.index('by-at').openCursor(null, 'prev');
      while (cursor && entries.length < limit) {
        entries.push(cursor.value);
        cursor = await cursor.continue();
      }
      return entries;
    },

    /**
     * Removes entries older than the retention period, then the oldest beyond `maxEntries`, so
     * the log stays bounded however busy a day was. Resolves with how many were removed.
     */
    async prune({ retentionDays, maxEntries = 20_000 }: AuditPruneOptions): Promise<number> {
      await flush();
      const db = await deps.db.get();
      const tx = db.transaction('audit', 'readwrite');
      const byAt = tx.store.index('by-at');
      let removed = 0;
      const cutoff = clock.now() - retentionDays * DAY_MS;
      let cursor = await byAt.openCursor(IDBKeyRange.upperBound(cutoff, true));
      while (cursor) {
        await cursor.delete();
        removed += 1;
        cursor = await cursor.continue();
      }
      let excess = (await tx.store.count()) - maxEntries;
      cursor = excess > 0 ? await byAt.openCursor() : null;
      while (cursor && excess > 0) {
        await cursor.delete();
        removed += 1;
        excess -= 1;
        cursor = await cursor.continue();
      }
      await tx.done;
      return removed;
    },
  };
}

/** See {@link createAuditLog}. */
export type AuditLog = ReturnType<typeof createAuditLog>;
