import { ConnectError } from './connect-error';
import type { OAuthApp } from './connection-records';
import type { OAuthAppView } from '../messaging/protocol';

/** A change to the OAuth app setup, as the options page sends it. */
export interface OAuthAppChange {
  clientId: string;
  exchange: 'broker' | 'secret';
  brokerUrl: string;
  /** A new secret; absent keeps the stored one, '' removes it. */
  clientSecret?: string;
}

/**
 * The setup after a change, checked: a client id, and a broker URL over HTTPS (plain HTTP only on
 * this machine, for a broker under development) when the broker does the exchange.
 */
export function changedOAuthApp(current: OAuthApp | undefined, change: OAuthAppChange): OAuthApp {
  const clientId = change.clientId.trim();
  if (!clientId) throw new ConnectError("Enter the Marketplace app's client id.");
  const brokerUrl = change.brokerUrl.trim().replace(/\/+$/, '');
  if (brokerUrl) checkBrokerUrl(brokerUrl);
  if (change.exchange === 'broker' && !brokerUrl) {
    throw new ConnectError('Enter the token broker URL, or choose to use the client secret.');
  }
  // The broker holds the secret: a copy left in the browser would only be a liability.
  const clientSecret =
    change.exchange === 'broker'
      ? undefined
      : change.clientSecret === undefined
        ? current?.clientSecret
        : change.clientSecret.trim();
  if (change.exchange === 'secret' && !clientSecret) {
    throw new ConnectError('Enter the client secret, or choose to use a token broker.');
  }
  return {
    clientId,
    exchange: change.exchange,
    brokerUrl: brokerUrl || undefined,
    clientSecret: clientSecret || undefined,
  };
}

function checkBrokerUrl(value: string) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConnectError('The token broker URL is not a URL, e.g. https://broker.example.com.');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new ConnectError(
      'The token broker URL must start with https:// (tokens travel through it).',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConnectError('The token broker URL must not contain a user name, query or fragment.');
  }
}

/** What the options page may see of the setup: whether a secret is stored, never the secret. */
export function oauthAppView(
  app: OAuthApp | undefined,
  redirectUri: string,
  extensionOrigin: string,
): OAuthAppView {
  return {
    clientId: app?.clientId ?? '',
    exchange: app?.exchange ?? 'broker',
    brokerUrl: app?.brokerUrl ?? '',
    hasClientSecret: Boolean(app?.clientSecret),
    redirectUri,
    extensionOrigin,
  };
}
