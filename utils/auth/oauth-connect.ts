import type { Clock } from '../clock';
import { GhlError } from '../ghl/ghl-error';
import { createOAuthTokenClient } from '../ghl/oauth-token-client';
import type { TokenResponse } from '../ghl/schemas/oauth-schemas';
import type { RequestAttempt } from '../ghl/send-once';
import { ConnectError } from './connect-error';
import type { OAuthApp, StoredConnection } from './connection-records';
import { authorizeUrl, codeFromRedirect, randomState } from './oauth-authorization';
import { parseScopes, requestedScopes, scopeRights } from '../ghl/scopes';

/** What {@link connectWithOAuth} needs. */
export interface OAuthConnectDeps {
  app: OAuthApp | undefined;
  readOnly: boolean;
  clock: Clock;
  fetchFor(kind: 'oauth'): typeof fetch;
  authorize(url: string): Promise<string>;
  redirectUri(): string;
  /** Hears the code exchange, for the audit log. */
  audit?: (attempt: RequestAttempt) => void;
}

/**
 * The authorization-code flow: GHL's authorization page in a browser window, the `state`
 * checked, the code exchanged through the broker or with the client secret. Resolves with the
 * new connection's credential; nothing is stored here.
 */
export async function connectWithOAuth(deps: OAuthConnectDeps) {
  const app = usableApp(deps.app);
  const redirectUri = deps.redirectUri();
  const state = randomState();
  let responseUrl: string;
  try {
    responseUrl = await deps.authorize(
      authorizeUrl({
        clientId: app.clientId,
        redirectUri,
        scopes: requestedScopes(deps.readOnly),
        state,
      }),
    );
  } catch (error) {
    // Chrome says "The user did not approve access." when the window is closed, and "Authorization
    // page could not be loaded." when it cannot reach GHL.
    throw new ConnectError(
      /could not be loaded/i.test(String((error as Error)?.message))
        ? "GHL's sign-in page could not be loaded. Check the connection and try again."
        : 'The GHL sign-in window was closed before access was granted. Nothing was saved.',
    );
  }
  const code = codeFromRedirect(responseUrl, { redirectUri, state });

  const viaBroker = app.exchange === 'broker';
  const oauth = createOAuthTokenClient({
    baseURL: viaBroker ? app.brokerUrl : undefined,
    fetch: deps.fetchFor('oauth'),
    onAttempt: deps.audit,
  });
  let answer: TokenResponse;
  try {
    answer = await oauth.exchangeCode(
      { clientId: app.clientId, clientSecret: viaBroker ? undefined : app.clientSecret },
      code,
      redirectUri,
    );
  } catch (error) {
    throw new ConnectError(exchangeProblem(error, viaBroker));
  }
  return grantedConnection(answer, deps);
}

function usableApp(app: OAuthApp | undefined): OAuthApp {
  const setUp =
    app?.clientId &&
    (app.exchange === 'broker' ? Boolean(app.brokerUrl) : Boolean(app.clientSecret));
  if (!setUp) {
    throw new ConnectError(
      "OAuth is not set up yet: in Settings, enter your Marketplace app's client id and a token broker URL (or the client secret).",
    );
  }
  return app;
}

function grantedConnection(
  answer: TokenResponse,
  deps: OAuthConnectDeps,
): Pick<StoredConnection, 'kind' | 'locationId' | 'scopes' | 'credential'> {
  if (!answer.locationId) {
    throw new ConnectError(
      'GHL granted access to an agency, not a location. Connect again and choose a sub-account.',
    );
  }
  // GHL lists the granted scopes; without a list, assume what was asked for.
  const scopes = answer.scope ? parseScopes(answer.scope) : requestedScopes(deps.readOnly);
  if (!scopeRights(scopes).canRead) {
    throw new ConnectError(
      'GHL granted access without contacts.readonly, which the extension needs. Add that scope to the Marketplace app and connect again.',
    );
  }
  return {
    kind: 'oauth',
    locationId: answer.locationId,
    scopes,
    credential: {
      type: 'oauth',
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: deps.clock.now() + answer.expires_in * 1000,
    },
  };
}

function exchangeProblem(error: unknown, viaBroker: boolean): string {
  const where = viaBroker ? 'the token broker' : 'GHL';
  if (!(error instanceof GhlError)) return `The sign-in could not be completed with ${where}.`;
  if (viaBroker && error.status === 403) {
    return 'The token broker refused this extension: its allowed origins must include this browser’s extension origin.';
  }
  switch (error.kind) {
    case 'unauthorized':
      return viaBroker
        ? 'The token broker or GHL refused the sign-in: check the client id in Settings and the broker’s configuration.'
        : 'GHL refused the sign-in: check the client id and client secret in Settings.';
    case 'network':
    case 'timeout':
      // Through a broker, the token client already says what to check (CORS hides a refusal).
      return viaBroker
        ? error.message
        : 'Could not reach GHL to finish the sign-in. Check the connection and try again.';
    default:
      return `The sign-in could not be completed with ${where}: ${error.message}`;
  }
}
