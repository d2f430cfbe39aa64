import { browser } from 'wxt/browser';
import type { ConnectionService } from '@/utils/auth/connection-service';
import type { CredentialStore } from '@/utils/auth/credential-store';
import { changedOAuthApp, oauthAppView } from '@/utils/auth/oauth-app-settings';
import { safeErrorInfo, type MessageHandlers } from '@/utils/messaging/message-router';
import type { ConnectionStatus } from '@/utils/auth/connection-status';
import type { LastConnectError } from '@/utils/auth/last-connect-error';
import { extensionOrigin } from '@/utils/extension-origin';
import { lastConnectErrorItem } from '@/utils/storage/last-connect-error-item';
import { createContactHandlers, type ContactHandlerDeps } from './contact-handlers';
import { createDashboardHandlers } from './dashboard-handlers';
import { createMappingHandlers } from './mapping-handlers';
import { createSettingsHandlers } from './settings-handlers';
import type { ShownContacts } from './shown-contacts';
import { createSyncHandlers, type SyncHandlerDeps } from './sync-handlers';

/** What the cache-backed messages (sync, contacts) are answered from, less the connection. */
export type CacheHandlerDeps = Omit<SyncHandlerDeps, 'connection' | 'shown'> &
  Pick<ContactHandlerDeps, 'db' | 'clock' | 'searchBudget'> & {
    /** What each Trint tab was shown: the searches note it, a tab's link/set checks it. */
    shown: Pick<ShownContacts, 'remember' | 'wasShown'>;
  };

/**
 * A connect that worked: an earlier sign-in failure is no longer worth showing. (Only connects:
 * a token refresh must not erase a failure the person has not seen yet.)
 */
async function connected(connecting: Promise<ConnectionStatus>): Promise<ConnectionStatus> {
  const status = await connecting;
  await lastConnectErrorItem.remove().catch(() => {});
  return status;
}

/** The background's answer to every protocol message: a flat list of small handlers. */
export function createMessageHandlers(
  connection: ConnectionService,
  store: CredentialStore,
  sync: CacheHandlerDeps,
): MessageHandlers {
  const redirectUri = () => browser.identity.getRedirectURL();
  return {
    ...createSyncHandlers({ ...sync, connection }),
    ...createContactHandlers({ ...sync, connection }),
    ...createMappingHandlers({ ...sync, connection }),
    ...createDashboardHandlers({ ...sync, connection }),
    ...createSettingsHandlers(),
    'connection/status': () => connection.status(),
    'connection/check': () => connection.check(),
    'connection/connect-token': (input) => connected(connection.connectPrivateToken(input)),
    'connection/replace-token': (input) => connected(connection.replacePrivateToken(input)),
    async 'connection/connect-oauth'(input) {
      // Kept for the popup, which the OAuth window closes before the answer arrives.
      try {
        return await connected(connection.connectOAuth(input));
      } catch (error) {
        const failure: LastConnectError = { message: safeErrorInfo(error).message, at: Date.now() };
        await lastConnectErrorItem.write(failure).catch(() => {});
        throw error;
      }
    },
    'connection/connect-sandbox': () => connected(connection.connectSandbox()),
    'connection/disconnect': (input) => connection.disconnect(input),
    'oauth-app/get': async () =>
      oauthAppView(await store.loadOAuthApp(), redirectUri(), extensionOrigin()),
    async 'oauth-app/save'(change) {
      const app = changedOAuthApp(await store.loadOAuthApp(), change);
      await store.saveOAuthApp(app);
      // A sign-in failure under the old setup says nothing about the new one.
      await lastConnectErrorItem.remove();
      connection.forgetClient();
      return oauthAppView(app, redirectUri(), extensionOrigin());
    },
  };
}
