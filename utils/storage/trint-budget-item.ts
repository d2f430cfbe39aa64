import { z } from 'zod/mini';
import { defineStoredItem } from './stored-item';

const bucketSchema = z.object({ units: z.number(), at: z.number() });

/**
 * What Trint tabs have left of their shared budget, per location id (see
 * entrypoints/background/trint-budget.ts). In storage.session: a stopped service worker does not
 * hand the pages a full budget again, and content scripts can neither read nor reset it.
 */
export const trintBudgetItem = defineStoredItem({
  key: 'trintBudget',
  area: 'session',
  schema: z.record(z.string(), bucketSchema),
  fallback: (): Record<string, { units: number; at: number }> => ({}),
});
