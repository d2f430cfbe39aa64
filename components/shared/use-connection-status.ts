import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  CONNECTION_STATUS_KEY,
  parseConnectionStatus,
  type ConnectionStatus,
} from '@/utils/auth/connection-status';

/**
 * The published connection status, kept current: every context (popup, options, panels) sees a
 * change the moment the background publishes it. `undefined` until the first read.
 */
export function useConnectionStatus(): ConnectionStatus | undefined {
  const [status, setStatus] = useState<ConnectionStatus>();
  useEffect(() => {
    let live = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && CONNECTION_STATUS_KEY in changes) {
        setStatus(parseConnectionStatus(changes[CONNECTION_STATUS_KEY]!.newValue));
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.local.get(CONNECTION_STATUS_KEY).then((stored) => {
      if (live) setStatus(parseConnectionStatus(stored[CONNECTION_STATUS_KEY]));
    });
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return status;
}
