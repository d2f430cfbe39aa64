import { browser } from 'wxt/browser';
import { deleteDB } from 'idb';
import { systemClock } from '@/utils/clock';
import {
  createFailureNotifier,
  FAILURE_NOTIFICATION_PREFIX,
  showBrowserNotification,
} from '@/utils/alerts/failure-notice';
import { createAuditLog } from '@/utils/audit/audit-log';
import { createConnectionService } from '@/utils/auth/connection-service';
import { createCredentialStore } from '@/utils/auth/credential-store';
import { refreshIfDue } from '@/utils/auth/token-refresh';
import { CACHE_DB_NAME } from '@/utils/db/db-names';
import { createCacheDbSource } from '@/utils/db/open-cache-db';
import { isQuotaError, QUOTA_MESSAGE } from '@/utils/db/quota';
import { createRateLimiter, type RateLimiter } from '@/utils/ghl/rate-limiter';
import { createMessageRouter } from '@/utils/messaging/message-router';
import { createOutbox } from '@/utils/outbox/outbox';
import { OUTBOX_ALARM, scheduleOutboxAlarm, startOutbox } from '@/utils/outbox/outbox-schedule';
import { createExtensionSandbox } from '@/sandbox/extension-sandbox';
import { ensureSyncAlarm, SYNC_ALARM } from '@/utils/sync/sync-alarm';
import { createSyncEngine } from '@/utils/sync/sync-engine';
import { SYNC_SETTINGS_KEY } from '@/utils/sync/sync-settings';
import { readSyncSettings } from '@/utils/sync/sync-settings-store';
import { createTranscriptStore } from '@/utils/transcripts/transcript-store';
import { TRINT_ORIGIN } from '@/utils/trint/transcript-url';
import { extensionOrigin } from '@/utils/extension-origin';
import { scheduleTokenRefresh, TOKEN_REFRESH_ALARM } from '@/utils/auth/refresh-alarm';
import {
  notifyReconnectNeeded,
  publishStatus,
  publishSyncStatus,
  RECONNECT_NOTIFICATION_ID,
} from './connection-effects';
import { applyStoredMapping } from './mapping-handlers';
import { createMessageHandlers } from './message-handlers';
import { createOutboxEffects } from './outbox-effects';
import { createSearchBudget } from './search-budget';
import { createShownContacts } from './shown-contacts';
import { openTranscriptIds, tellAllTranscriptTabs, tellTranscriptTabs } from './trint-tabs';

/**
 * The background is the only context that holds credentials and talks to GHL. It only wires
 * factories together; logic lives in utils/. Listeners are registered synchronously at the start
 * of `main`, before any `await`, so a service worker woken by an event finds them.
 */
export default defineBackground(() => {
  const clock = systemClock;
  const store = createCredentialStore();
  const db = createCacheDbSource();
  const sandbox = createExtensionSandbox();
  const limiters = new Map<string, RateLimiter>();
  const limiterFor = (locationId: string) => {
    let limiter = limiters.get(locationId);
    if (!limiter) limiters.set(locationId, (limiter = createRateLimiter({ clock })));
    return limiter;
  };
  const auditLog = createAuditLog({
    db,
    clock,
    // A full disk is shown in the popup; the write that hit it is reported there, not lost quietly.
    onProblem: (error) => void publishSync(isQuotaError(error) ? QUOTA_MESSAGE : undefined),
  });
  const connection = createConnectionService({
    store,
    clock,
    fetchFor: (kind) => (kind === 'sandbox' ? sandbox.fetch : fetch.bind(globalThis)),
    limiterFor,
    async authorize(url) {
      const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!redirect) throw new Error('The user did not approve access.');
      return redirect;
    },
    redirectUri: () => browser.identity.getRedirectURL(),
    publish: publishStatus,
    notifyReconnectNeeded,
    audit: (attempt) => auditLog.record(attempt),
    async wipeCache() {
      await sandbox.reset();
      // Entries still waiting for their batch belong to the data being deleted: written now,
      // they go with it, instead of landing in the next connection's fresh log.
      await auditLog.flush();
      // The delete waits for open connections: close ours first.
      await db.close();
      await deleteDB(CACHE_DB_NAME);
      await publishSync();
    },
  });

  const tell = (change: { transcriptId: string; contactId?: string; what: string[] }) =>
    tellTranscriptTabs({ type: 'transcript/changed', ...change });
  const transcripts = createTranscriptStore({ db, clock });
  const notifier = createFailureNotifier({ clock, notify: showBrowserNotification });
  const effects = createOutboxEffects({
    db,
    transcripts,
    now: () => clock.now(),
    tell,
    notice: (kind, message) => notifier.notice(kind, message),
  });
  const outbox = createOutbox({ db, connection, clock });
  outbox.on('changed', () => {
    void publishSync();
    void scheduleOutboxAlarm(outbox, clock).catch(logFailure);
    // Open panels show pending writes: a write queued, sent, failed or gone changes them.
    void tellAllTranscriptTabs(['pending']).catch(logFailure);
  });
  outbox.on('failed', (job) => void effects.failed(job).catch(logFailure));
  // Awaited by the outbox (it logs a failure): the job is deleted only once these have run.
  outbox.on('applied', (job, result, completed) => effects.applied(job, result, completed));
  // A full disk met while sending: the popup says so (the job keeps the reason too).
  outbox.on('problem', (message) => void publishSync(message));
  const engine = createSyncEngine({
    db,
    connection,
    clock,
    settings: readSyncSettings,
    openTranscriptIds,
    onTranscriptChanged: tell,
    onStatus: publishSyncStatus,
    outboxSummary: () => outbox.summary(),
    limiterFor,
  });
  async function publishSync(problem?: string) {
    try {
      const status = await engine.status();
      await publishSyncStatus(problem ? { ...status, problem } : status);
    } catch (error) {
      logFailure(error);
    }
  }

  const scheduleRefresh = () => scheduleTokenRefresh(store, clock).catch(logFailure);
  connection.onChange((status) => {
    void scheduleRefresh();
    // A new connection starts with a sync of what is linked; the outbox resumes by itself.
    if (status.state === 'connected') void engine.run('connected').catch(logFailure);
    else void publishSync();
  });

  // What each Trint tab was shown and may link, and its share of GHL searches (see tab-scope.ts).
  const shown = createShownContacts({ storage: browser.storage.session, clock });
  const searchBudget = createSearchBudget({ clock });
  const route = createMessageRouter(
    createMessageHandlers(connection, store, {
      db,
      clock,
      shown,
      searchBudget,
      engine,
      outbox,
      transcripts,
      auditLog,
      tell,
      settings: readSyncSettings,
    }),
    {
      extensionId: browser.runtime.id,
      extensionOrigin: extensionOrigin(),
      trintOrigin: TRINT_ORIGIN,
    },
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // Needs no "tabs" permission: only the closed tab's id is given.
  browser.tabs.onRemoved.addListener((tabId) => {
    searchBudget.forget(tabId);
    void shown.forget(tabId).catch(logFailure);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TOKEN_REFRESH_ALARM) {
      void refreshIfDue(connection, store, clock).catch(logFailure).finally(scheduleRefresh);
    } else if (alarm.name === SYNC_ALARM) {
      void engine.run('alarm').then(pruneAuditLog).catch(logFailure);
    } else if (alarm.name === OUTBOX_ALARM) {
      void outbox.process();
    }
  });
  // The options page stores the sync settings itself: open panels re-read, so a part switched
  // off (tasks, notes…) disappears at once, and one switched on shows what the cache has.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SYNC_SETTINGS_KEY in changes) {
      void tellAllTranscriptTabs(['settings']).catch(logFailure);
    }
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id === RECONNECT_NOTIFICATION_ID) void browser.runtime.openOptionsPage();
    // A failed write: the popup lists it with Retry and Discard (opened as a tab, since a
    // notification click may not open the toolbar popup).
    else if (id.startsWith(FAILURE_NOTIFICATION_PREFIX)) {
      void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    }
  });

  async function pruneAuditLog() {
    const { auditRetentionDays } = await readSyncSettings();
    await auditLog.prune({ retentionDays: auditRetentionDays });
  }

  // Firefox forgets alarms on restart, and a woken worker must pick up writes left half-done.
  void ensureSyncAlarm().catch(logFailure);
  // Records computed with another mapping (the 0.1 labels after an upgrade) are recomputed before
  // the connection's first sync compares GHL's answers against them.
  void applyStoredMapping({ db, tell })
    .catch(logFailure)
    .then(() => connection.restore())
    .catch(logFailure)
    .finally(() => {
      void scheduleRefresh();
      void startOutbox(outbox, clock).catch(logFailure);
      void publishSync();
    });
});

/** Background work nobody awaits must not end as an unhandled rejection; only the name is logged. */
function logFailure(error: unknown) {
  console.warn('GHL for Trint:', error instanceof Error ? error.name : typeof error);
}
