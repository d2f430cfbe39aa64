import { syncStatusItem } from '@/utils/storage/sync-status-item';
import type { SyncStatus } from '@/utils/storage/sync-status';
import { useStorageValue } from '../shared/use-storage-value';

/**
 * The sync status the background publishes after every run and outbox change, kept current.
 * `undefined` until the first read.
 */
export function useSyncStatus(): SyncStatus | undefined {
  return useStorageValue(syncStatusItem);
}
