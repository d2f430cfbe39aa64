import { browser } from 'wxt/browser';
import { deleteDB } from 'idb';
import { systemClock } from '@/utils/clock';
import { createConnectionService } from '@/utils/auth/connection-service';
import { createCredentialStore } from '@/utils/auth/credential-store';
import { refreshIfDue } from '@/utils/auth/token-refresh';
import { CACHE_DB_NAME } from '@/utils/db/db-names';
import { createRateLimiter, type RateLimiter } from '@/utils/ghl/rate-limiter';
import { createMessageRouter } from '@/utils/messaging/message-router';
import { createExtensionSandbox } from '@/utils/sandbox/extension-sandbox';
import { TRINT_ORIGIN } from '@/utils/trint/transcript-url';
import { extensionOrigin } from '@/utils/extension-origin';
import { scheduleTokenRefresh, TOKEN_REFRESH_ALARM } from '@/utils/auth/refresh-alarm';
import {
  notifyReconnectNeeded,
  publishStatus,
  RECONNECT_NOTIFICATION_ID,
} from './connection-effects';
import { createMessageHandlers } from './message-handlers';

/**
 * The background is the only context that holds credentials and talks to GHL. It only wires
 * factories together; logic lives in utils/. Listeners are registered synchronously at the start
 * of `main`, before any `await`, so a service worker woken by an event finds them.
 */
export default defineBackground(() => {
  const clock = systemClock;
  const store = createCredentialStore();
  const sandbox = createExtensionSandbox();
  const limiters = new Map<string, RateLimiter>();
  const connection = createConnectionService({
    store,
    clock,
    fetchFor: (kind) => (kind === 'sandbox' ? sandbox.fetch : fetch.bind(globalThis)),
    limiterFor(locationId) {
      let limiter = limiters.get(locationId);
      if (!limiter) limiters.set(locationId, (limiter = createRateLimiter({ clock })));
      return limiter;
    },
    async authorize(url) {
      const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!redirect) throw new Error('The user did not approve access.');
      return redirect;
    },
    redirectUri: () => browser.identity.getRedirectURL(),
    publish: publishStatus,
    notifyReconnectNeeded,
    async wipeCache() {
      sandbox.reset();
      await deleteDB(CACHE_DB_NAME);
    },
  });
  const schedule = () => scheduleTokenRefresh(store, clock).catch(logFailure);
  connection.onChange(() => void schedule());

  const route = createMessageRouter(createMessageHandlers(connection, store), {
    extensionId: browser.runtime.id,
    extensionOrigin: extensionOrigin(),
    trintOrigin: TRINT_ORIGIN,
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== TOKEN_REFRESH_ALARM) return;
    void refreshIfDue(connection, store, clock).catch(logFailure).finally(schedule);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id === RECONNECT_NOTIFICATION_ID) void browser.runtime.openOptionsPage();
  });

  void connection.restore().catch(logFailure).finally(schedule);
});

/** Background work nobody awaits must not end as an unhandled rejection; only the name is logged. */
function logFailure(error: unknown) {
  console.warn('GHL for Trint:', error instanceof Error ? error.name : typeof error);
}
