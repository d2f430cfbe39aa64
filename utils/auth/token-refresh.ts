import type { Clock } from '../clock';
import { GhlError } from '../ghl/ghl-error';
import { OAUTH_REFRESH_AHEAD_MS } from '../ghl/oauth-token-provider';
import type { ConnectionService } from './connection-service';
import type { CredentialStore } from './credential-store';

/**
 * Refreshes the stored OAuth tokens when they are within the refresh-ahead margin of expiry, so
 * the first request after a quiet hour does not wait for a refresh. A refused refresh turns the
 * connection to "reconnect needed"; a network failure is left for the next try.
 */
export async function refreshIfDue(
  service: ConnectionService,
  store: CredentialStore,
  clock: Clock,
): Promise<void> {
  const connection = await store.loadConnection();
  if (connection?.credential.type !== 'oauth' || connection.health.state !== 'ok') return;
  if (clock.now() < connection.credential.expiresAt - OAUTH_REFRESH_AHEAD_MS) return;
  const { tokens, credentialId } = await service.client();
  try {
    await tokens.refresh?.(connection.credential.accessToken);
  } catch (error) {
    if (error instanceof GhlError) service.noteFailure(credentialId, error);
  }
}
