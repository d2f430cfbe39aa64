import type { ConnectionService } from '@/utils/auth/connection-service';
import type { CredentialStore } from '@/utils/auth/credential-store';
import { extensionOrigin } from '@/utils/extension-origin';
import { createMessageRouter } from './message-router';
import { TRINT_ORIGINS } from '@/utils/trint/transcript-url';
import type { BackgroundBrowser } from './background-browser';
import { createMessageHandlers, type CacheHandlerDeps } from './message-handlers';
import { createSearchBudget } from './search-budget';
import { createShownContacts } from './shown-contacts';
import { shownContactsItems } from '@/utils/storage/shown-contacts-item';

/** What {@link createBackgroundHandlers} is built from. */
export type BackgroundHandlersDeps = Omit<CacheHandlerDeps, 'shown' | 'searchBudget'> & {
  browser: Pick<BackgroundBrowser, 'storage' | 'runtime'>;
  connection: ConnectionService;
  store: CredentialStore;
};

/**
 * The answers to the protocol's messages and the router that checks who sent each one, with
 * what each Trint tab was shown and may link (in storage.session, so it outlives a stopped
 * worker) and its share of GHL searches (in memory). See tab-access.ts.
 */
export function createBackgroundHandlers(deps: BackgroundHandlersDeps) {
  const { browser, connection, store, ...cache } = deps;
  const shown = createShownContacts({ storage: shownContactsItems, clock: cache.clock });
  const searchBudget = createSearchBudget({ clock: cache.clock });
  const handlers = createMessageHandlers(connection, store, { ...cache, shown, searchBudget });
  const route = createMessageRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: extensionOrigin(),
    trintOrigins: TRINT_ORIGINS,
  });
  return { shown, searchBudget, handlers, route };
}

/** See {@link createBackgroundHandlers}. */
export type BackgroundHandlers = ReturnType<typeof createBackgroundHandlers>;
