import { browser } from 'wxt/browser';
import { CONNECTION_STATUS_KEY, type ConnectionStatus } from '@/utils/auth/connection-status';
import { toolbarBadge } from '@/utils/alerts/toolbar-badge';

/** The one notification id: a second loss replaces the first instead of stacking. */
export const RECONNECT_NOTIFICATION_ID = 'ghl-reconnect-needed';

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
