import { browser } from 'wxt/browser';
import type { Clock } from '../clock';
import { OAUTH_REFRESH_AHEAD_MS } from '../ghl/oauth-token-provider';
import type { CredentialStore } from './credential-store';

/** The alarm that refreshes OAuth tokens ahead of expiry, even when nothing else runs. */
export const TOKEN_REFRESH_ALARM = 'ghl-token-refresh';

/**
 * Sets the refresh alarm for the stored OAuth tokens (when they enter the refresh-ahead margin),
 * or clears it. Alarms are re-created at every background start: Firefox's do not survive a
 * restart.
 */
export async function scheduleTokenRefresh(store: CredentialStore, clock: Clock): Promise<void> {
  const connection = await store.loadConnection();
  if (connection?.credential.type !== 'oauth' || connection.health.state !== 'ok') {
    await browser.alarms.clear(TOKEN_REFRESH_ALARM);
    return;
  }
  const due = connection.credential.expiresAt - OAUTH_REFRESH_AHEAD_MS;
  // Never in the past: after a failed refresh this tries again once a minute (after expiry
  // too) until the refresh works or is refused, which ends in "reconnect needed".
  await browser.alarms.create(TOKEN_REFRESH_ALARM, { when: Math.max(due, clock.now() + 60_000) });
}
