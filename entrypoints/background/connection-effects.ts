import type { ConnectionStatus } from '@/utils/auth/connection-status';
import { updateBadge } from '@/utils/alerts/toolbar-badge';
import { connectionStatusItem } from '@/utils/storage/connection-status-item';
import { syncStatusItem } from '@/utils/storage/sync-status-item';
import type { SyncStatus } from '@/utils/storage/sync-status';
import type { BackgroundBrowser } from './background-browser';

/** The one notification id: a second loss replaces the first instead of stacking. */
export const RECONNECT_NOTIFICATION_ID = 'ghl-reconnect-needed';

/** See {@link createConnectionEffects}. */
export type ConnectionEffects = ReturnType<typeof createConnectionEffects>;

/**
 * What the background shows of the connection and the sync outside its pages: the statuses in
 * storage.local for every context (utils/storage/), the toolbar badge, the reconnect notification.
 * `browser` is the extension's, or a fake one in tests and benchmarks.
 */
export function createConnectionEffects(
  browser: Pick<BackgroundBrowser, 'notifications' | 'runtime'>,
) {
  /**
   * Shows on the toolbar what needs the person: reconnect needed, or failed writes, or Sandbox
   * mode. Both statuses are read back from storage, where each was published, so whichever of the
   * two changed, the badge reflects both.
   */
  async function refreshToolbar(): Promise<void> {
    const [connection, sync] = await Promise.all([
      connectionStatusItem.read(),
      syncStatusItem.read(),
    ]);
    await updateBadge(connection, sync.outbox.failed);
  }

  return {
    /** Publishes a connection status: storage.local for every context, and the toolbar badge. */
    async publishStatus(status: ConnectionStatus): Promise<void> {
      await connectionStatusItem.write(status);
      await refreshToolbar();
      if (status.state !== 'reconnect-needed') {
        await browser.notifications.clear(RECONNECT_NOTIFICATION_ID);
      }
    },

    /** Publishes the sync status for the popup, and the failed-writes count on the badge. */
    async publishSyncStatus(status: SyncStatus): Promise<void> {
      await syncStatusItem.write(status);
      await refreshToolbar();
    },

    /** Asks the person, once, to reconnect. Clicking it opens the settings page to do so. */
    async notifyReconnectNeeded(reason: string): Promise<void> {
      await browser.notifications.create(RECONNECT_NOTIFICATION_ID, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'GHL for Trint: reconnect needed',
        message: reason,
      });
    },
  };
}
