import { browser } from 'wxt/browser';
import type { ConnectionService } from '@/utils/auth/connection-service';
import type { CredentialStore } from '@/utils/auth/credential-store';
import { lastConnectErrorItem } from '@/utils/storage/last-connect-error-item';
import { changedOAuthApp, oauthAppView } from '@/utils/auth/oauth-app-settings';
import { extensionOrigin } from '@/utils/extension-origin';
import type { MessageHandlers } from './message-router';

/** The options page's OAuth app (client id, exchange, broker): shown, never with its secret. */
export function createOAuthAppHandlers(
  connection: Pick<ConnectionService, 'forgetClient'>,
  store: Pick<CredentialStore, 'loadOAuthApp' | 'saveOAuthApp'>,
): Pick<MessageHandlers, 'oauth-app/get' | 'oauth-app/save'> {
  const redirectUri = () => browser.identity.getRedirectURL();
  return {
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
