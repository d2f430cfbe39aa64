import { z } from 'zod/mini';

/**
 * What the popup shows of the sync, published by the background to storage.local after every run
 * and outbox change (utils/storage/sync-status-item.ts), so the popup renders at once and updates
 * live.
 */
export const syncStatusSchema = z.object({
  running: z.boolean(),
  lastRun: z.optional(
    z.object({
      startedAt: z.number(),
      endedAt: z.number(),
      outcome: z.enum(['ok', 'partial', 'failed', 'skipped']),
      requests: z.number(),
      contactsChecked: z.number(),
      changes: z.number(),
      errors: z.number(),
      /** The first error of the run, in words. */
      firstError: z.optional(z.string()),
    }),
  ),
  /** When the next scheduled run is due. */
  nextRunAt: z.optional(z.number()),
  /** Present until every linked contact has been synced once (or failed: see `failing`). */
  firstSync: z.optional(z.object({ done: z.number(), total: z.number() })),
  /** Linked contacts whose last sync failed; each is retried after a growing delay. */
  failing: z.optional(z.number()),
  outbox: z.object({ pending: z.number(), waiting: z.number(), failed: z.number() }),
  /** A problem that stops the cache from working (e.g. storage quota), in words. */
  problem: z.optional(z.string()),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** Before anything ran. */
export const IDLE_SYNC_STATUS: SyncStatus = {
  running: false,
  outbox: { pending: 0, waiting: 0, failed: 0 },
};
