import { useEffect, useState } from 'preact/hooks';
import type { ConnectionStatus } from '@/utils/messaging/connection-status-schema';
import { sendMessage } from '@/utils/messaging/send-message';
import type { Names } from '@/utils/messaging/trint-answers';

/**
 * The connected location's names ('names/get'), asked again whenever another location or
 * connection is made; undefined while not connected, unknown, or when the background refuses.
 * The first ask after connecting is what reads them from GHL (utils/names/names-cache.ts).
 */
export function useLocationNames(status: ConnectionStatus | undefined): Names | undefined {
  const [names, setNames] = useState<Names>();
  const connected = status?.state === 'connected' ? `${status.locationId} ${status.since}` : '';
  useEffect(() => {
    setNames(undefined);
    if (!connected) return;
    let live = true;
    sendMessage('names/get', {}).then(
      (answer) => live && setNames(answer),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [connected]);
  return names;
}
