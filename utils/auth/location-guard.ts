import { ConnectError } from './connect-error';
import type { StoredConnection } from './connection-records';

/**
 * Links, cache and queued writes belong to one location: switching to another while connected
 * would mix them up, so it takes a disconnect first. Sandbox mode gives way to a live account.
 */
export function refuseOtherLocation(
  existing: StoredConnection | undefined,
  next: Pick<StoredConnection, 'kind' | 'locationId'>,
) {
  if (!existing || existing.locationId === next.locationId) return;
  if (existing.kind === 'sandbox' && next.kind !== 'sandbox') return;
  if (next.kind === 'sandbox') {
    throw new ConnectError(
      'Sandbox mode is for trying the extension before connecting an account. Disconnect first to use it.',
    );
  }
  throw new ConnectError(
    `This extension is connected to location ${existing.locationId}. To connect location ${next.locationId}, disconnect first.`,
  );
}
