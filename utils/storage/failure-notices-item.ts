import { z } from 'zod/mini';
import { defineStoredItem } from './stored-item';

/** The storage key of when each kind of failed write was last notified. */
export const FAILURE_NOTICES_KEY = 'failureNotices';

/**
 * When each kind of failed write was last notified (epoch ms by kind), so the background,
 * stopped between events, still notifies at most once an hour per kind (failure-notice.ts).
 */
export const failureNoticesItem = defineStoredItem({
  key: FAILURE_NOTICES_KEY,
  area: 'kept',
  schema: z.record(z.string(), z.number()),
  fallback: (): Record<string, number> => ({}),
});
