import { GHL_AUTHORIZE_URL } from '../ghl/api-constants';
import { ConnectError } from './connect-error';

/** A random, unguessable `state` (32 bytes, base64url) tying the redirect to this request. */
export function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** GHL's authorization URL for this app, redirect and scopes. */
export function authorizeUrl(options: {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
}): string {
  const url = new URL(GHL_AUTHORIZE_URL);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scopes.join(' '),
    state: options.state,
  }).toString();
  return url.href;
}

/**
 * The code from the URL GHL redirected back to. Refuses a redirect to anywhere but our redirect
 * URI, a `state` that is not the one sent (a forged or replayed answer), and GHL's error answers.
 */
export function codeFromRedirect(
  responseUrl: string,
  expected: { redirectUri: string; state: string },
): string {
  let url: URL;
  try {
    url = new URL(responseUrl);
  } catch {
    throw new ConnectError('GHL answered with an address that is not a URL. Try again.');
  }
  const redirect = new URL(expected.redirectUri);
  if (url.origin !== redirect.origin) {
    throw new ConnectError('GHL redirected somewhere unexpected. Nothing was saved.');
  }
  const params = url.searchParams;
  if (params.get('state') !== expected.state) {
    throw new ConnectError(
      'The answer from GHL did not belong to this sign-in (state mismatch), so it was refused. Try again.',
    );
  }
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description');
    throw new ConnectError(
      error === 'access_denied'
        ? 'Access was not granted in GHL. Nothing was saved.'
        : `GHL did not grant access: ${description ?? error}.`,
    );
  }
  const code = params.get('code');
  if (!code) throw new ConnectError('GHL answered without an authorization code. Try again.');
  return code;
}
