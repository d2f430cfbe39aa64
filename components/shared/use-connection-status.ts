import type { ConnectionStatus } from '@/utils/messaging/connection-status-schema';
import { connectionStatusItem } from '@/utils/storage/connection-status-item';
import { useStorageValue } from './use-storage-value';

/**
 * The published connection status, kept current: every context (popup, options, panels) sees a
 * change the moment the background publishes it. `undefined` until the first read.
 */
export function useConnectionStatus(): ConnectionStatus | undefined {
  return useStorageValue(connectionStatusItem);
}
