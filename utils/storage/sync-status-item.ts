import { IDLE_SYNC_STATUS, syncStatusSchema } from './sync-status';
import { defineStoredItem } from './stored-item';

/** The storage key of the published sync status. */
export const SYNC_STATUS_KEY = 'syncStatus';

/**
 * What the popup shows of the sync, published by the background after every run and outbox
 * change, so the popup renders at once and updates live. Anything malformed reads as idle.
 */
export const syncStatusItem = defineStoredItem({
  key: SYNC_STATUS_KEY,
  area: 'kept',
  schema: syncStatusSchema,
  fallback: () => IDLE_SYNC_STATUS,
});
