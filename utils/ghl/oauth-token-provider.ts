import { systemClock, type Clock } from '../clock';
import type { OAuthClientCredentials, OAuthTokenClient } from './oauth-token-client';
import { GhlError } from './ghl-error';
import { parseScopes } from './scopes';
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

/** After a failed refresh ahead of expiry, the next try waits this long. */
const EARLY_REFRESH_RETRY_MS = 60_000;

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
  /**
   * Runs a refresh exclusively across every context that shares the store (a Web Lock in the
   * extension). Default: no lock beyond this provider's own single flight.
   */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Hears a refresh ahead of expiry that failed: no caller waits for it to report it. */
  onBackgroundRefreshFailure?: (error: unknown) => void;
}

/** The default refresh-ahead margin. */
export const OAUTH_REFRESH_AHEAD_MS = 5 * 60_000;

/**
 * A TokenProvider for OAuth: hands out the stored access token, refreshes it ahead of expiry (in
 * the background), when it has expired, or after a 401, and saves the new pair *before* using it
 * (the old refresh token is spent the moment GHL answers; losing the new one would lose the
 * connection). One refresh at a time per provider.
 */
export function createOAuthTokenProvider(options: OAuthTokenProviderOptions): TokenProvider {
  const clock = options.clock ?? systemClock;
  const refreshAheadMs = options.refreshAheadMs ?? OAUTH_REFRESH_AHEAD_MS;
  const exclusive = options.exclusive ?? ((task) => task());

  async function current(): Promise<OAuthTokenSet> {
    const tokens = await options.store.load();
    if (!tokens) {
      throw new GhlError('reconnect-needed', 'token store', {
        detail: 'Not connected to GHL: no OAuth tokens are stored.',
      });
    }
    return tokens;
  }

  const refreshOnce = singleFlightRefresh({
    currentToken: async () => (await current()).accessToken,
    refresh: (rejectedToken) =>
      exclusive(async () => {
        const tokens = await current();
        // Another context refreshed while this one waited for the lock: its token is new.
        if (tokens.accessToken !== rejectedToken) return tokens.accessToken;
        const answer = await options.oauth.refresh(options.credentials, tokens.refreshToken);
        const next: OAuthTokenSet = {
          accessToken: answer.access_token,
          refreshToken: answer.refresh_token,
          expiresAt: clock.now() + answer.expires_in * 1000,
          scopes: answer.scope ? parseScopes(answer.scope) : tokens.scopes,
          locationId: answer.locationId ?? tokens.locationId,
        };
        await options.store.save(next);
        return next.accessToken;
      }),
  });
  let earlyRefreshFailedAt = -Infinity;

  return {
    async getAccessToken() {
      const tokens = await current();
      const now = clock.now();
      if (now >= tokens.expiresAt) return refreshOnce(tokens.accessToken);
      // Close to expiry but still valid: refresh in the background so no call waits for it
      // (or holds a rate-limit slot meanwhile). After a failure, wait before trying again:
      // an answer lost on the way may already have spent the refresh token.
      const due = now >= tokens.expiresAt - refreshAheadMs;
      if (due && now - earlyRefreshFailedAt >= EARLY_REFRESH_RETRY_MS) {
        refreshOnce(tokens.accessToken).catch((error: unknown) => {
          earlyRefreshFailedAt = clock.now();
          options.onBackgroundRefreshFailure?.(error);
        });
      }
      return tokens.accessToken;
    },
    refresh: refreshOnce,
  };
}
