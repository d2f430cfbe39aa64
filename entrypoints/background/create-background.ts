import { createFailureNotifier, showBrowserNotification } from '@/utils/alerts/failure-notice';
import { scheduleTokenRefresh } from '@/utils/auth/refresh-alarm';
import { createContactIndex } from '@/utils/contacts/contact-index';
import { CACHE_DB_NAME } from '@/utils/db/db-names';
import { createCacheDbSource } from '@/utils/db/open-cache-db';
import { startOutbox } from '@/utils/outbox/outbox-schedule';
import { ensureSyncAlarm } from '@/utils/sync/sync-alarm';
import { createSyncEngine } from '@/utils/sync/sync-engine';
import { failureNoticesItem } from '@/utils/storage/failure-notices-item';
import { fieldMappingItem } from '@/utils/storage/field-mapping-item';
import { createKeptValues, KEPT_DB_SUFFIX } from '@/utils/storage/kept-values';
import { installKeptBacking } from '@/utils/storage/stored-item';
import { STORED_ITEMS } from '@/utils/storage/stored-items';
import { syncSettingsItem } from '@/utils/storage/sync-settings-item';
import { createTranscriptStore } from '@/utils/transcripts/transcript-store';
import { createTranscriptViewCache } from '@/utils/transcripts/transcript-view-cache';
import { createBackgroundConnection } from './background-connection';
import type { BackgroundDeps } from './background-deps';
import { createBackgroundHandlers } from './background-handlers';
import { createBackgroundListeners } from './background-listeners';
import { createBackgroundOutbox } from './background-outbox';
import { createBackgroundWork, logFailure } from './background-work';
import { createConnectionEffects } from './connection-effects';
import { applyStoredMapping } from './mapping-handlers';
import { createTrintTabs, type TrintTabs } from './trint-tabs';

/**
 * The whole background: credentials and the connection to GHL, the cache, the outbox, the sync
 * engine, the message handlers and the listeners of every browser event, wired once. The service
 * worker (index.ts), the unit tests' harness and the benchmarks all build it here, so what is
 * tested is what ships. Nothing starts until `start()`; adding `on`'s listeners is the caller's.
 */
export function createBackground(deps: BackgroundDeps) {
  const { browser, clock } = deps;
  const dbName = deps.dbName ?? CACHE_DB_NAME;
  // Settings and what the popup shows are kept where content scripts cannot write; restored
  // into storage.session now, and every read of them waits for that (kept-values.ts).
  installKeptBacking(createKeptValues(dbName + KEPT_DB_SUFFIX, STORED_ITEMS, logFailure));
  const settings = deps.settings ?? syncSettingsItem.read;
  const mapping = fieldMappingItem.read;
  const work = createBackgroundWork();
  const effects = createConnectionEffects(browser);
  const tabs = deps.tabs ?? createTrintTabs(browser);
  const tell: TrintTabs['tell'] = (change) => tabs.tell(change);
  const db = createCacheDbSource(dbName);

  const { store, limiterFor, auditLog, connection } = createBackgroundConnection({
    browser,
    fetch: deps.fetch,
    sandbox: deps.sandbox,
    clock,
    db,
    dbName,
    credentialsDbName: deps.credentialsDbName,
    effects,
    publishSync,
    random: deps.random,
  });
  const transcripts = createTranscriptStore({
    db,
    clock,
    timeZone: deps.timeZone,
    settings,
    mapping,
    // Panels opening again are answered from memory, not from an IndexedDB read.
    viewCache: createTranscriptViewCache(db),
  });
  const notifier = createFailureNotifier({
    storage: failureNoticesItem,
    clock,
    notify: showBrowserNotification,
  });

  // The outbox and the effects of its writes: see background-outbox.ts.
  const outbox = createBackgroundOutbox({
    db,
    connection,
    clock,
    transcripts,
    tabs,
    tell,
    notice: deps.notice ?? ((kind, message) => notifier.notice(kind, message)),
    work,
    publishSync,
    timeZone: deps.timeZone,
    random: deps.random,
  });

  /** The connected location's limiter, as runs read theirs: another location's figures say nothing. */
  async function connectedLimiter() {
    const status = await connection.status();
    return status.state === 'connected' ? limiterFor(status.locationId) : undefined;
  }
  const engine = createSyncEngine({
    db,
    connection,
    clock,
    settings,
    mapping,
    openTranscriptIds: () => tabs.openTranscriptIds(),
    onTranscriptChanged: tell,
    onStatus: effects.publishSyncStatus,
    outboxSummary: () => outbox.summary(),
    limiterFor,
    async connectedLocation() {
      const status = await connection.status();
      return status.state === 'not-connected' ? undefined : status.locationId;
    },
    dailyQuota: async () => (await connectedLimiter())?.dailyQuota(),
    locationSpend: async () => (await connectedLimiter())?.locationSpend(),
    timeZone: deps.timeZone,
    owner: deps.owner,
  });

  /** Publishes the sync status for the popup, with a problem to show if any; never rejects. */
  function publishSync(problem?: string): Promise<void> {
    const published = (async () => {
      const status = await engine.status();
      await effects.publishSyncStatus(problem ? { ...status, problem } : status);
    })().catch(logFailure);
    work.run(published);
    return published;
  }

  const scheduleRefresh = () => work.run(scheduleTokenRefresh(store, clock));
  connection.onChange((status) => {
    scheduleRefresh();
    // A new connection starts with a sync of what is linked; the outbox resumes by itself.
    if (status.state === 'connected') work.run(engine.run('connected'));
    else void publishSync();
  });

  const handlerDeps = {
    browser,
    connection,
    store,
    db,
    // Read from the cache at the first search after the worker starts, then kept in step.
    contactIndex: createContactIndex(db),
    clock,
    engine,
    outbox,
    transcripts,
    auditLog,
    tell,
    settings,
    sandbox: deps.sandbox,
  };
  const handlers = createBackgroundHandlers(handlerDeps);
  const on = createBackgroundListeners({ ...handlerDeps, handlers, tabs, work, scheduleRefresh });

  return {
    store,
    db,
    connection,
    auditLog,
    transcripts,
    outbox,
    engine,
    /** The answers to the protocol's messages (the router in `on.message` checks the sender). */
    handlers: handlers.handlers,
    /** What the handlers are built from: a worker woken again builds them anew from these. */
    handlerDeps,
    /** The listener of each browser event, for index.ts to add (and tests to call). */
    on,
    /** Resolves once no work a listener or a change started is left running. */
    idle: () => work.idle(),
    /**
     * The start-up: the alarms set again, records of an older mapping recomputed, the stored
     * connection restored, then the refresh alarm, the outbox's pending writes, the status.
     */
    start() {
      // Firefox forgets alarms on restart, and a woken worker must pick up writes left half-done.
      work.run(ensureSyncAlarm());
      // Records computed with another mapping (the 0.1 labels after an upgrade) are recomputed
      // before the connection's first sync compares GHL's answers against them.
      work.run(
        applyStoredMapping({ db, tell })
          .catch(logFailure)
          .then(() => connection.restore())
          .catch(logFailure)
          .finally(() => {
            scheduleRefresh();
            work.run(startOutbox(outbox, clock));
            void publishSync();
          }),
      );
    },
  };
}

/** See {@link createBackground}. */
export type Background = ReturnType<typeof createBackground>;
