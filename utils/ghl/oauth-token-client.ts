import { ofetch } from 'ofetch';
import { systemClock, type Clock } from '../clock';
import { GHL_API_BASE } from './api-constants';
import { errorFromResponse } from './error-from-response';
import { GhlError } from './ghl-error';
import { parseResponseBody } from './parse-response';
import type { RequestPriority } from './rate-limiter';
import { plainCause, type RequestAttempt } from './send-once';
import { tokenResponseSchema, type TokenResponse } from './schemas/oauth-schemas';

const ENDPOINT = 'POST /oauth/token';
/** The operationId of POST /oauth/token in apps/oauth.json. */
const OPERATION = 'get-access-token';

/**
 * The app's credentials at GHL's Marketplace. Without a secret the grants go to a token broker,
 * which adds the secret it holds.
 */
export interface OAuthClientCredentials {
  clientId: string;
  clientSecret?: string;
}

/** client_id, and client_secret when the extension holds it. */
function clientFields({ clientId, clientSecret }: OAuthClientCredentials): Record<string, string> {
  return clientSecret
    ? { client_id: clientId, client_secret: clientSecret }
    : { client_id: clientId };
}

/** Options of {@link createOAuthTokenClient}. */
export interface OAuthTokenClientOptions {
  fetch?: typeof fetch;
  /** GHL (default) or a token broker that forwards the grants with the secret it holds. */
  baseURL?: string;
  timeoutMs?: number;
  clock?: Clock;
  /**
   * Hears every grant sent, with its status or failure (never a code, token or secret). A code
   * exchange is the person's ('user'); a refresh is the extension's own upkeep ('background').
   */
  onAttempt?: (attempt: RequestAttempt) => void;
}

/**
 * POST /oauth/token (apps/oauth.json): trades an authorization code, or a refresh token, for a
 * new token pair. Sent form-encoded with only the documented fields. Never retried: a refresh
 * token works once, so a second try after a lost answer could revoke the whole grant.
 */
export function createOAuthTokenClient(options: OAuthTokenClientOptions = {}) {
  const viaBroker = options.baseURL !== undefined && options.baseURL !== GHL_API_BASE;
  const api = ofetch.create(
    {
      baseURL: options.baseURL ?? GHL_API_BASE,
      headers: { Accept: 'application/json' },
      retry: false,
      ignoreResponseError: true,
      responseType: 'text',
      timeout: options.timeoutMs ?? 20_000,
    },
    options.fetch ? { fetch: options.fetch } : {},
  );

  const clock = options.clock ?? systemClock;

  async function grant(
    fields: Record<string, string>,
    refusedMeans: 'unauthorized' | 'reconnect-needed',
    priority: RequestPriority,
  ): Promise<TokenResponse> {
    const at = clock.now();
    const tell = (outcome: Pick<RequestAttempt, 'status' | 'error'>) =>
      options.onAttempt?.({
        at,
        operation: OPERATION,
        method: 'POST',
        params: {},
        priority,
        ...outcome,
        durationMs: clock.now() - at,
      });
    let response;
    try {
      response = await api.raw<string>('/oauth/token', {
        method: 'POST',
        body: new URLSearchParams({ ...fields, user_type: 'Location' }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    } catch (error) {
      // The fetch error holds the request's options, client secret and refresh token included:
      // keep only its plain facts.
      const timedOut = (error as { cause?: { name?: string } }).cause?.name === 'TimeoutError';
      tell({ error: timedOut ? 'timeout' : 'network' });
      throw new GhlError(timedOut ? 'timeout' : 'network', ENDPOINT, {
        cause: plainCause(error),
        // A browser also hides a broker's refusal of our origin behind a failed fetch (CORS).
        detail: viaBroker
          ? 'The token broker could not be reached, or refused this extension: check its URL in Settings, and that it allows the extension origin shown there.'
          : undefined,
      });
    }
    tell({ status: response.status });
    const text = response._data ?? '';
    if (response.ok) return parseResponseBody(ENDPOINT, tokenResponseSchema, text);
    const error = errorFromResponse(ENDPOINT, response.status, text);
    // 400/401/422 mean GHL refused this grant: the code or refresh token is spent or revoked.
    if (response.status < 500 && response.status !== 429) {
      throw new GhlError(refusedMeans, ENDPOINT, {
        status: response.status,
        ghlMessages: error.ghlMessages,
        cause: error,
      });
    }
    throw error;
  }

  return {
    /** Exchanges the code the authorization page redirected back with. */
    exchangeCode: (
      credentials: OAuthClientCredentials,
      code: string,
      redirectUri: string,
    ): Promise<TokenResponse> =>
      grant(
        {
          ...clientFields(credentials),
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
        },
        'unauthorized',
        'user',
      ),
    /** Spends a refresh token for a new pair; a refused one means "connect again". */
    refresh: (credentials: OAuthClientCredentials, refreshToken: string): Promise<TokenResponse> =>
      grant(
        {
          ...clientFields(credentials),
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
        },
        'reconnect-needed',
        'background',
      ),
  };
}

/** See {@link createOAuthTokenClient}. */
export type OAuthTokenClient = ReturnType<typeof createOAuthTokenClient>;
