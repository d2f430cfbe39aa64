import { browser } from 'wxt/browser';
import type { ConnectionService } from '@/utils/auth/connection-service';
import type { CredentialStore } from '@/utils/auth/credential-store';
import { changedOAuthApp, oauthAppView } from '@/utils/auth/oauth-app-settings';
import type { MessageHandlers } from '@/utils/messaging/message-router';

/** The background's answer to every protocol message: a flat list of small handlers. */
export function createMessageHandlers(
  connection: ConnectionService,
  store: CredentialStore,
): MessageHandlers {
  const redirectUri = () => browser.identity.getRedirectURL();
  return {
    'connection/status': () => connection.status(),
    'connection/check': () => connection.check(),
    'connection/connect-token': (input) => connection.connectPrivateToken(input),
    'connection/replace-token': (input) => connection.replacePrivateToken(input),
    'connection/connect-oauth': (input) => connection.connectOAuth(input),
    'connection/connect-sandbox': () => connection.connectSandbox(),
    'connection/disconnect': (input) => connection.disconnect(input),
    'oauth-app/get': async () => oauthAppView(await store.loadOAuthApp(), redirectUri()),
    async 'oauth-app/save'(change) {
      const app = changedOAuthApp(await store.loadOAuthApp(), change);
      await store.saveOAuthApp(app);
      connection.forgetClient();
      return oauthAppView(app, redirectUri());
    },
  };
}
