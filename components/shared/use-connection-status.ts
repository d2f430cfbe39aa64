import type { ConnectionStatus } from '@/utils/messaging/connection-status-schema';
import {
  connectionStatusItem,
  panelConnectionStatusItem,
} from '@/utils/storage/connection-status-item';
import { useStorageValue } from './use-storage-value';

/**
 * The published connection status, kept current: the popup and options page see a change the
 * moment the background publishes it. `undefined` until the first read. Read where content
 * scripts cannot write (storage.session).
 */
export function useConnectionStatus(): ConnectionStatus | undefined {
  return useStorageValue(connectionStatusItem);
}

/** The same for Trint panels, from the copy content scripts can read (storage.local). */
export function usePanelConnectionStatus(): ConnectionStatus | undefined {
  return useStorageValue(panelConnectionStatusItem);
}
