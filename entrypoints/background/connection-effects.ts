import { browser } from 'wxt/browser';
import type { Clock } from '@/utils/clock';
import { CONNECTION_STATUS_KEY, type ConnectionStatus } from '@/utils/auth/connection-status';
import type { CredentialStore } from '@/utils/auth/credential-store';
import { toolbarBadge } from '@/utils/auth/toolbar-badge';
import { OAUTH_REFRESH_AHEAD_MS } from '@/utils/ghl/oauth-token-provider';

/** The one notification id: a second loss replaces the first instead of stacking. */
export const RECONNECT_NOTIFICATION_ID = 'ghl-reconnect-needed';

/** The alarm that refreshes OAuth tokens ahead of expiry, even when nothing else runs. */
export const TOKEN_REFRESH_ALARM = 'ghl-token-refresh';

/** Publishes a status: storage.local for every context, and the toolbar badge. */
export async function publishStatus(status: ConnectionStatus): Promise<void> {
  const badge = toolbarBadge(status);
  await Promise.all([
    browser.storage.local.set({ [CONNECTION_STATUS_KEY]: status }),
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]);
  if (status.state !== 'reconnect-needed') {
    await browser.notifications.clear(RECONNECT_NOTIFICATION_ID);
  }
}

/** Asks the person, once, to reconnect. Clicking it opens the settings page to do so. */
export async function notifyReconnectNeeded(reason: string): Promise<void> {
  await browser.notifications.create(RECONNECT_NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'GHL for Trint: reconnect needed',
    message: reason,
  });
}

/**
 * Sets the refresh alarm for the stored OAuth tokens (a little before the refresh-ahead margin),
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
  // Never in the past: after a failed refresh this retries once a minute until expiry.
  await browser.alarms.create(TOKEN_REFRESH_ALARM, { when: Math.max(due, clock.now() + 60_000) });
}
