import { ConnectError } from '@/utils/auth/connect-error';
import type { ConnectionService } from '@/utils/auth/connection-service';

/**
 * The location the extension is connected to, also while the connection waits for a reconnect
 * (the cache still answers for it). Not connected at all: a ConnectError the panel explains.
 */
export async function connectedLocation(
  connection: Pick<ConnectionService, 'status'>,
): Promise<string> {
  const status = await connection.status();
  if (status.state === 'not-connected') {
    throw new ConnectError('Connect GHL first: open GHL for Trint from the toolbar.');
  }
  return status.locationId;
}
