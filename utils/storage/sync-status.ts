import type { SyncStatus } from '../messaging/sync-status-schema';

export { syncStatusSchema, type SyncStatus } from '../messaging/sync-status-schema';

/**
 * Before anything ran. What the popup shows of the sync (SyncStatus) is published by the
 * background to storage.local after every run and outbox change (utils/storage/sync-status-item.ts),
 * so the popup renders at once and updates live.
 */
export const IDLE_SYNC_STATUS: SyncStatus = {
  running: false,
  outbox: { pending: 0, waiting: 0, failed: 0 },
};
