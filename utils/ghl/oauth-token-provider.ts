import { systemClock, type Clock } from '../clock';
import type { OAuthClientCredentials, OAuthTokenClient } from './oauth-token-client';
import { GhlError } from './ghl-error';
import { singleFlightRefresh, type TokenProvider } from './token-provider';

/** An OAuth token pair as the extension keeps it. */
export interface OAuthTokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token stops working. */
  expiresAt: number;
  scopes: string[];
  locationId?: string;
}

/** Where the token set lives (extension storage in the background; memory in tests). */
export interface OAuthTokenStore {
  load(): Promise<OAuthTokenSet | undefined>;
  save(tokens: OAuthTokenSet): Promise<void>;
}

/** Options of {@link createOAuthTokenProvider}. */
export interface OAuthTokenProviderOptions {
  oauth: OAuthTokenClient;
  credentials: OAuthClientCredentials;
  store: OAuthTokenStore;
  clock?: Clock;
  /** Refresh this long before expiry, so no request goes out with a token about to die. */
  refreshAheadMs?: number;
}

/**
 * A TokenProvider for OAuth: hands out the stored access token, refreshes it ahead of expiry or
 * after a 401, and saves the new pair *before* using it (the old refresh token is spent the moment
 * GHL answers; losing the new one would lose the connection). One refresh at a time per provider.
 */
export function createOAuthTokenProvider(options: OAuthTokenProviderOptions): TokenProvider {
  const clock = options.clock ?? systemClock;
  const refreshAheadMs = options.refreshAheadMs ?? 5 * 60_000;

  async function current(): Promise<OAuthTokenSet> {
    const tokens = await options.store.load();
    if (!tokens) {
      throw new GhlError('reconnect-needed', 'token store', {
        detail: 'Not connected to GHL: no OAuth tokens are stored.',
      });
    }
    return tokens;
  }

  const gate = singleFlightRefresh({
    getAccessToken: async () => (await current()).accessToken,
    async refresh() {
      const tokens = await current();
      const answer = await options.oauth.refresh(options.credentials, tokens.refreshToken);
      const next: OAuthTokenSet = {
        accessToken: answer.access_token,
        refreshToken: answer.refresh_token,
        expiresAt: clock.now() + answer.expires_in * 1000,
        scopes: answer.scope ? answer.scope.split(/\s+/).filter(Boolean) : tokens.scopes,
        locationId: answer.locationId ?? tokens.locationId,
      };
      await options.store.save(next);
      return next.accessToken;
    },
  });

  return {
    async getAccessToken() {
      const tokens = await current();
      if (clock.now() < tokens.expiresAt - refreshAheadMs) return tokens.accessToken;
      try {
        return await gate.refresh!(tokens.accessToken);
      } catch (error) {
        // A refresh ahead of time that failed for a passing reason (offline, 5xx) is no reason
        // to fail a call while the current token still works; a dead grant is.
        const passing = error instanceof GhlError && error.kind !== 'reconnect-needed';
        if (passing && clock.now() < tokens.expiresAt) return tokens.accessToken;
        throw error;
      }
    },
    refresh: (rejectedToken) => gate.refresh!(rejectedToken),
  };
}
