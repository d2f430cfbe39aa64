import type { ConnectionService } from '@/utils/auth/connection-service';
import type { ConnectionStatus } from '@/utils/auth/connection-status';
import type { LastConnectError } from '@/utils/auth/last-connect-error';
import { lastConnectErrorItem } from '@/utils/storage/last-connect-error-item';
import { safeErrorInfo, type MessageHandlers } from './message-router';

type ConnectionMessages =
  | 'connection/status'
  | 'connection/check'
  | 'connection/connect-token'
  | 'connection/replace-token'
  | 'connection/connect-oauth'
  | 'connection/connect-sandbox'
  | 'connection/disconnect';

/**
 * A connect that worked: an earlier sign-in failure is no longer worth showing. (Only connects:
 * a token refresh must not erase a failure the person has not seen yet.)
 */
async function connected(connecting: Promise<ConnectionStatus>): Promise<ConnectionStatus> {
  const status = await connecting;
  await lastConnectErrorItem.remove().catch(() => {});
  return status;
}

/** The GHL connection: its status, connecting by token, OAuth or the Sandbox, disconnecting. */
export function createConnectionHandlers(
  connection: ConnectionService,
): Pick<MessageHandlers, ConnectionMessages> {
  return {
    'connection/status': () => connection.status(),
    'connection/check': () => connection.check(),
    'connection/connect-token': (input) => connected(connection.connectPrivateToken(input)),
    'connection/replace-token': (input) => connected(connection.replacePrivateToken(input)),
    async 'connection/connect-oauth'(input) {
      // Kept for the popup, which the OAuth window closes before the answer arrives.
      try {
        return await connected(connection.connectOAuth(input));
      } catch (error) {
        const failure: LastConnectError = { message: safeErrorInfo(error).message, at: Date.now() };
        await lastConnectErrorItem.write(failure).catch(() => {});
        throw error;
      }
    },
    'connection/connect-sandbox': () => connected(connection.connectSandbox()),
    'connection/disconnect': (input) => connection.disconnect(input),
  };
}
