import type { ConnectionService } from '@/utils/auth/connection-service';
import type { CredentialStore } from '@/utils/auth/credential-store';
import { extensionOrigin } from '@/utils/extension-origin';
import { createMessageRouter } from './message-router';
import { TRINT_ORIGINS } from '@/utils/trint/transcript-url';
import type { BackgroundBrowser } from './background-browser';
import { createMessageHandlers, type CacheHandlerDeps } from './message-handlers';
import { createShownContacts } from './shown-contacts';
import { shownContactsItems } from '@/utils/storage/shown-contacts-item';
import { trintBudgetItem } from '@/utils/storage/trint-budget-item';
import { createTrintBudget } from './trint-budget';

/** What {@link createBackgroundHandlers} is built from. */
export type BackgroundHandlersDeps = Omit<CacheHandlerDeps, 'shown' | 'trintBudget'> & {
  browser: Pick<BackgroundBrowser, 'storage' | 'runtime'>;
  connection: ConnectionService;
  store: CredentialStore;
};

/**
 * The answers to the protocol's messages and the router that checks who sent each one, with
 * what each Trint tab was shown and may link (in storage.session, so it outlives a stopped
 * worker) and the budget all Trint tabs share per location (trint-budget.ts, in storage.session
 * too). See tab-access.ts.
 */
export function createBackgroundHandlers(deps: BackgroundHandlersDeps) {
  const { browser, connection, store, ...cache } = deps;
  const shown = createShownContacts({ storage: shownContactsItems, clock: cache.clock });
  const trintBudget = createTrintBudget({ clock: cache.clock, storage: trintBudgetItem });
  const handlers = createMessageHandlers(connection, store, { ...cache, shown, trintBudget });
  const route = createMessageRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: extensionOrigin(),
    trintOrigins: TRINT_ORIGINS,
  });
  return { shown, trintBudget, handlers, route };
}

/** See {@link createBackgroundHandlers}. */
export type BackgroundHandlers = ReturnType<typeof createBackgroundHandlers>;
