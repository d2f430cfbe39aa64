import { z } from 'zod/mini';

/** What the popup shows of the sync (see SYNC_STATUS_KEY in utils/sync/sync-status.ts). */
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
      /** Records GHL listed that did not fit (kept as far as readable, or left out). */
      oddRecords: z.optional(z.number()),
      /** The first of them, in words. */
      firstOddRecord: z.optional(z.string()),
    }),
  ),
  /** When the next scheduled run is due. */
  nextRunAt: z.optional(z.number()),
  /** Present until every linked contact has been synced once (or failed: see `failing`). */
  firstSync: z.optional(z.object({ done: z.number(), total: z.number() })),
  /** Linked contacts whose last sync failed; each is retried after a growing delay. */
  failing: z.optional(z.number()),
  outbox: z.object({ pending: z.number(), waiting: z.number(), failed: z.number() }),
  /**
   * GHL requests this browser sent in the last 24 h (the audit log's count), and the location's
   * daily limit as GHL last reported it, with the pressure it puts on background sync.
   */
  quota: z.optional(
    z.object({
      sentLast24h: z.number(),
      limit: z.optional(z.number()),
      remaining: z.optional(z.number()),
      pressure: z.enum(['normal', 'slow', 'paused']),
    }),
  ),
  /**
   * The daily budget (a setting: a share of the location's daily limit) when a day of the tiers
   * as set would cost more: how many times longer the tiers below "open" wait to fit it, and the
   * open tab's when it alone is over. `team`: the budget was cut because the whole location spends
   * faster than the team's share (utils/sync/team-budget.ts).
   */
  budget: z.optional(
    z.object({
      requestsPerDay: z.number(),
      stretch: z.number(),
      openStretch: z.optional(z.number()),
      team: z.optional(z.object({ locationPerDay: z.number(), teamPerDay: z.number() })),
    }),
  ),
  /**
   * Optional scopes GHL refused that would read tasks or appointments for many contacts at once:
   * without them those parts are read contact by contact (fewer refreshes within the budget).
   */
  missingScopes: z.optional(z.array(z.string())),
  /** A problem that stops the cache from working (e.g. storage quota), in words. */
  problem: z.optional(z.string()),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
