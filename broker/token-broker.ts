import { GHL_API_BASE } from '../utils/ghl/api-constants';
import { originProblem } from './allowed-origins';
import {
  brokerError,
  corsHeaders,
  preflightResponse,
  scrubSecret,
  type CorsHeaders,
} from './broker-responses';
import { readCappedText } from './capped-body';
import { parseGrantRequest } from './grant-request';
import { createRateLimit, type RateDecision } from './rate-limit';
import { allowedRedirectUris, redirectUriProblem } from './redirect-uris';

/** The one path a broker serves: the same as GHL's, so the broker URL replaces GHL's base URL. */
export const BROKER_TOKEN_PATH = '/oauth/token';

/** Options of {@link createTokenBroker}. */
export interface TokenBrokerOptions {
  /** The app's client id at GHL's Marketplace; requests for another client are refused. */
  clientId: string;
  /** The app's client secret: added to forwarded grants, never answered, never logged. */
  clientSecret: string;
  /** Exact origins of the extension installs allowed to use the broker (see allowed-origins.ts). */
  allowedOrigins: string[];
  /** GHL's token endpoint (default) or a Sandbox's. */
  tokenUrl?: string;
  fetch?: typeof fetch;
  /** How long GHL may take to answer before the broker answers 502. */
  timeoutMs?: number;
  /**
   * Redirect URIs allowed besides the `https://<id>.chromiumapp.org/` of each allowed Chrome
   * extension origin (see redirect-uris.ts), e.g. Firefox's.
   */
  redirectUris?: string[];
  /** Token requests allowed per client IP address and per extension origin, per window. */
  rateLimits?: { perIp?: number; perOrigin?: number; windowMs?: number };
  /** The clock of the rate limits (tests pass a fake one). */
  now?: () => number;
}

/** Default rate limits: a person signs in once and refreshes about once a day. */
export const DEFAULT_RATE_LIMITS = { perIp: 20, perOrigin: 60, windowMs: 60_000 } as const;

/** Who sent a request, as the server in front of the broker knows it. */
export interface BrokerClient {
  /** The client's IP address; without it (a host that cannot tell) no per-IP limit applies. */
  ip?: string;
}

/**
 * The OAuth token broker: holds the client secret and forwards the extension's
 * authorization_code and refresh_token grants to GHL's POST /oauth/token, because a secret
 * shipped in a browser extension is readable by anyone who installs it. A pure
 * Request → Response function with no state, so it runs under node:http, in tests, or in a
 * serverless runtime. Throws at creation on a configuration that would be unsafe.
 */
export function createTokenBroker(options: TokenBrokerOptions) {
  const { clientId, clientSecret, allowedOrigins } = options;
  if (!clientId) throw new Error('createTokenBroker: clientId is required');
  if (!clientSecret) throw new Error('createTokenBroker: clientSecret is required');
  if (allowedOrigins.length === 0) throw new Error('createTokenBroker: no allowed origins');
  const problem = [
    ...allowedOrigins.map(originProblem),
    ...(options.redirectUris ?? []).map(redirectUriProblem),
  ].find((p) => p !== undefined);
  if (problem !== undefined) throw new Error(`createTokenBroker: ${problem}`);
  const redirectUris = allowedRedirectUris(allowedOrigins, options.redirectUris);
  const allowed = new Set(allowedOrigins);
  const tokenUrl = options.tokenUrl ?? `${GHL_API_BASE}${BROKER_TOKEN_PATH}`;
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const now = options.now ?? Date.now;
  const perIp = createRateLimit({ limit: limits.perIp, windowMs: limits.windowMs, now });
  const perOrigin = createRateLimit({ limit: limits.perOrigin, windowMs: limits.windowMs, now });

  /** 429 with when to try again; nothing is forwarded. */
  function tooMany(decision: RateDecision & { ok: false }, cors: CorsHeaders | undefined) {
    return brokerError(429, 'Too many token requests: try again later', cors, {
      'Retry-After': String(decision.retryAfterSeconds),
    });
  }

  /**
   * Answers one request. The Origin header is checked, but it is not authentication: any client
   * that is not a browser sends whatever Origin it likes (see README). What limits abuse is that
   * a grant needs a code or refresh token GHL issued to this client for an allowed redirect, and
   * the rate limits per IP address and per origin.
   */
  async function handle(request: Request, client: BrokerClient = {}): Promise<Response> {
    const origin = request.headers.get('origin');
    const cors = origin !== null && allowed.has(origin) ? corsHeaders(origin) : undefined;
    if (new URL(request.url).pathname !== BROKER_TOKEN_PATH) {
      return brokerError(404, `Not found: this broker serves only POST ${BROKER_TOKEN_PATH}`, cors);
    }
    if (request.method !== 'POST' && request.method !== 'OPTIONS') {
      return brokerError(405, `Method ${request.method} not allowed: use POST`, cors, {
        Allow: 'OPTIONS, POST',
      });
    }
    // Every POST counts against its IP address, whatever its Origin says.
    if (request.method === 'POST' && client.ip !== undefined) {
      const decision = perIp.take(client.ip);
      if (!decision.ok) return tooMany(decision, cors);
    }
    if (origin === null) {
      return brokerError(
        403,
        'Origin header missing: only the extension may use this broker',
        cors,
      );
    }
    if (!cors) return brokerError(403, 'Origin not allowed by this broker', cors);
    if (request.method === 'OPTIONS') return preflightResponse(cors);
    const originDecision = perOrigin.take(origin);
    if (!originDecision.ok) return tooMany(originDecision, cors);

    // GHL documents only a form body for this endpoint (apps/oauth.json).
    if (!request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded')) {
      return brokerError(400, 'Content-Type must be application/x-www-form-urlencoded', cors);
    }
    let bodyText;
    try {
      bodyText = await readCappedText(request);
    } catch {
      return brokerError(400, 'Request body could not be read', cors); // the client went away
    }
    if (bodyText === 'too-large') return brokerError(413, 'Request body is too large', cors);
    const grant = parseGrantRequest(bodyText, clientId);
    if (!grant.ok) return brokerError(400, grant.message, cors);
    const redirect = grant.fields.redirect_uri;
    if (redirect !== undefined && !redirectUris.has(redirect)) {
      return brokerError(400, 'redirect_uri is not an allowed extension redirect URL', cors);
    }
    return forward({ ...grant.fields, client_secret: clientSecret }, cors);
  }

  /** Sends the grant to GHL and answers with GHL's status, Content-Type and body. */
  async function forward(fields: Record<string, string>, cors: CorsHeaders): Promise<Response> {
    let status: number;
    let contentType: string | null;
    let text: string;
    try {
      const upstream = await fetchImpl(tokenUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams(fields).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = upstream.status;
      contentType = upstream.headers.get('content-type');
      text = await upstream.text();
    } catch {
      // The error is dropped, not logged or answered: some fetch errors carry the request,
      // and with it the secret and the code or refresh token.
      return brokerError(502, 'GHL token endpoint could not be reached', cors);
    }
    const nullBody = status === 204 || status === 205 || status === 304;
    return new Response(nullBody ? null : scrubSecret(text, clientSecret), {
      status,
      headers: {
        'Content-Type': contentType ?? 'application/json',
        // Token answers must not be cached (RFC 6749 §5.1).
        'Cache-Control': 'no-store',
        ...cors,
      },
    });
  }

  return {
    /** Answers one request to the broker; never throws for anything a client sends. */
    handle,
  };
}

/** See {@link createTokenBroker}. */
export type TokenBroker = ReturnType<typeof createTokenBroker>;
