import { syncStatusSchema, type SyncStatus } from '../messaging/sync-status-schema';

export { syncStatusSchema, type SyncStatus } from '../messaging/sync-status-schema';

/**
 * What the popup shows of the sync, published by the background to storage.local after every run
 * and outbox change, so the popup renders at once and updates live.
 */
export const SYNC_STATUS_KEY = 'syncStatus';

/** Before anything ran. */
export const IDLE_SYNC_STATUS: SyncStatus = {
  running: false,
  outbox: { pending: 0, waiting: 0, failed: 0 },
};

/** Reads a stored status; anything malformed reads as idle. */
export function parseSyncStatus(value: unknown): SyncStatus {
  const parsed = syncStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : IDLE_SYNC_STATUS;
}
