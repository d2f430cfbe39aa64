import { FAILURE_NOTIFICATION_PREFIX } from '@/utils/alerts/failure-notice';
import type { AuditLog } from '@/utils/audit/audit-log';
import type { ConnectionService } from '@/utils/auth/connection-service';
import type { CredentialStore } from '@/utils/auth/credential-store';
import { TOKEN_REFRESH_ALARM } from '@/utils/auth/refresh-alarm';
import { refreshIfDue } from '@/utils/auth/token-refresh';
import type { Clock } from '@/utils/clock';
import { PANEL_COMMAND } from '@/utils/messaging/tab-messages';
import type { Outbox } from '@/utils/outbox/outbox';
import { OUTBOX_ALARM } from '@/utils/outbox/outbox-schedule';
import { SYNC_ALARM } from '@/utils/sync/sync-alarm';
import type { SyncEngine } from '@/utils/sync/sync-engine';
import type { SyncSettings } from '@/utils/storage/sync-settings';
import type { BackgroundBrowser } from './background-browser';
import type { BackgroundHandlers } from './background-handlers';
import { logFailure, type BackgroundWork } from './background-work';
import { RECONNECT_NOTIFICATION_ID } from './connection-effects';
import type { TrintTabs } from './trint-tabs';

/**
 * The background's event listeners, one per browser event. index.ts adds each to its event
 * synchronously when the worker starts; tests call them as the browser would.
 */
export interface BackgroundListeners {
  /** runtime.onMessage: the router checks the sender and the payload, then answers. */
  message: BackgroundHandlers['route'];
  /** tabs.onRemoved: a closed tab's shown contacts and search budget are forgotten. */
  tabRemoved(tabId: number): void;
  /** alarms.onAlarm: the token refresh, the sync and the outbox's wake-up. */
  alarm(alarm: { name: string }): void;
  /** The stored sync settings changed (syncSettingsItem.watch): open panels re-read. */
  syncSettingsChanged(): void;
  /** notifications.onClicked: opens where the person can act on the notification. */
  notificationClicked(id: string): void;
  /** commands.onCommand: the shortcut that shows the panel of the active Trint tab. */
  command(name: string, tab?: { id?: number; url?: string }): void;
}

/** What {@link createBackgroundListeners} acts on. */
export interface BackgroundListenersDeps {
  browser: Pick<BackgroundBrowser, 'runtime' | 'tabs'>;
  clock: Clock;
  store: CredentialStore;
  connection: ConnectionService;
  engine: Pick<SyncEngine, 'run'>;
  outbox: Pick<Outbox, 'process'>;
  auditLog: Pick<AuditLog, 'prune'>;
  handlers: Pick<BackgroundHandlers, 'route' | 'shown'>;
  tabs: Pick<TrintTabs, 'tellAll' | 'commandPanel'>;
  settings(): Promise<SyncSettings>;
  work: BackgroundWork;
  /** Sets the token refresh alarm for the stored credential. */
  scheduleRefresh(): void;
}

/** See {@link BackgroundListeners}. */
export function createBackgroundListeners(deps: BackgroundListenersDeps): BackgroundListeners {
  const { browser, clock, store, connection, engine, outbox, handlers, work } = deps;

  async function pruneAuditLog() {
    const { auditRetentionDays } = await deps.settings();
    await deps.auditLog.prune({ retentionDays: auditRetentionDays });
  }

  return {
    message: (message, sender) => handlers.route(message, sender),
    // Needs no "tabs" permission: only the closed tab's id is given.
    tabRemoved(tabId) {
      work.run(handlers.shown.forget(tabId));
    },
    alarm(alarm) {
      if (alarm.name === TOKEN_REFRESH_ALARM) {
        work.run(
          refreshIfDue(connection, store, clock).catch(logFailure).finally(deps.scheduleRefresh),
        );
      } else if (alarm.name === SYNC_ALARM) {
        work.run(engine.run('alarm').then(pruneAuditLog));
      } else if (alarm.name === OUTBOX_ALARM) {
        work.run(outbox.process());
      }
    },
    // New sync settings (saved by the background for the options page): open panels re-read, so a
    // part switched off (tasks, notes…) disappears at once, and one switched on shows the cache's.
    syncSettingsChanged() {
      work.run(deps.tabs.tellAll(['settings']));
    },
    notificationClicked(id) {
      if (id === RECONNECT_NOTIFICATION_ID) work.run(browser.runtime.openOptionsPage());
      // A failed write: the popup lists it with Retry and Discard (opened as a tab, since a
      // notification click may not open the toolbar popup).
      else if (id.startsWith(FAILURE_NOTIFICATION_PREFIX)) {
        work.run(browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
      }
    },
    command(name, tab) {
      if (name === PANEL_COMMAND) work.run(deps.tabs.commandPanel(tab));
    },
  };
}
