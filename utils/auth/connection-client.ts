import type { z } from 'zod';
import type { Clock } from '../clock';
import { GHL_API_BASE } from '../ghl/api-constants';
import { endpointName, GHL_ENDPOINTS, type GhlEndpoint } from '../ghl/endpoints';
import { createGhlClient, type GhlClient } from '../ghl/ghl-client';
import { GhlError } from '../ghl/ghl-error';
import { createOAuthTokenClient } from '../ghl/oauth-token-client';
import { createOAuthTokenProvider } from '../ghl/oauth-token-provider';
import type { RateLimiter } from '../ghl/rate-limiter';
import type { LoadSandbox } from '../ghl/sandbox-port';
import type { RequestAttempt } from '../ghl/send-once';
import type { TokenProvider } from '../ghl/token-provider';
import type { OAuthApp, StoredConnection } from './connection-records';
import { statusOf } from './connection-status';
import type { CredentialStore } from './credential-store';
import { withExclusiveLock } from './exclusive-lock';

/** Web Lock names shared by every context of the extension. */
export const LOCKS = { refresh: 'ghl-oauth-refresh', connection: 'ghl-connection' } as const;

/** What {@link createConnectionClient} is built from. */
export interface ConnectionClientDeps {
  store: CredentialStore;
  clock: Clock;
  /** The network for live connections; the in-extension Sandbox for Sandbox mode. */
  fetchFor(kind: StoredConnection['kind']): typeof fetch;
  /** The Sandbox GHL, whose token Sandbox mode sends. */
  sandbox: LoadSandbox;
  /** One limiter per location, shared by every client of that location. */
  limiterFor(locationId: string): RateLimiter;
  /**
   * Called when a refresh changed the granted scopes, which the published status shows. (A new
   * expiry alone changes nothing public; the refresh alarm finds it when it next wakes.)
   */
  onScopesChanged(connection: StoredConnection): void;
  /** Called with every error a call of this client ends with. */
  onFailure(credentialId: string, error: GhlError, endpoint?: GhlEndpoint<z.ZodType>): void;
  /** Hears every request sent to GHL, token refreshes included: the audit log. */
  audit?: (attempt: RequestAttempt) => void;
  /** Jitter of the client's retry backoff (default: Math.random). */
  random?: () => number;
}

/** A connection's GHL client and the token provider behind it. */
export interface ConnectionClient {
  credentialId: string;
  locationId: string;
  ghl: GhlClient;
  tokens: TokenProvider;
}

/** Whether an operation changes GHL (search is a read sent as POST). */
export function isWrite(endpoint: GhlEndpoint<z.ZodType>): boolean {
  return endpoint.method !== 'GET' && endpoint !== GHL_ENDPOINTS.searchContacts;
}

/**
 * The GHL client of one stored connection. Every request reads its token through one provider at
 * send time, so a refreshed token is used at once. Calls fail fast, without reaching GHL, with
 * `connection-changed` once the token was replaced (get a new client) and with `reconnect-needed`
 * while the connection needs the person.
 */
export function createConnectionClient(
  connection: StoredConnection,
  oauthApp: OAuthApp | undefined,
  deps: ConnectionClientDeps,
): ConnectionClient {
  const { credentialId, kind } = connection;

  async function live(): Promise<StoredConnection> {
    const stored = await deps.store.loadConnection();
    if (!stored) {
      throw new GhlError('reconnect-needed', 'connection', { detail: 'Not connected to GHL.' });
    }
    // A replaced token: never send the old one, but do not make the caller wait for a reconnect
    // that will not come either. It gets a fresh client and tries again.
    if (stored.credentialId !== credentialId) {
      throw new GhlError('connection-changed', 'connection');
    }
    if (stored.health.state !== 'ok') {
      throw new GhlError('reconnect-needed', 'connection', { detail: stored.health.reason });
    }
    return stored;
  }

  const fetch = deps.fetchFor(kind);
  const tokens = tokenProvider(connection, oauthApp, deps, live, fetch);
  const ghl = createGhlClient({
    tokens,
    limiter: deps.limiterFor(connection.locationId),
    fetch,
    clock: deps.clock,
    random: deps.random,
    onAttempt: deps.audit,
    onError: (error, endpoint) => deps.onFailure(credentialId, error, endpoint),
    // A read-only connection refuses writes here, with the reason, instead of sending them for
    // GHL to refuse: nothing is spent from the rate budget, and the UI can say why at once.
    async guard(endpoint) {
      if (!isWrite(endpoint)) return;
      const status = statusOf(await live());
      if (status.state !== 'not-connected' && !status.canWrite) {
        throw new GhlError('missing-scope', endpointName(endpoint), {
          detail: status.readOnlyReason,
        });
      }
    },
  });
  return { credentialId, locationId: connection.locationId, ghl, tokens };
}

function tokenProvider(
  connection: StoredConnection,
  oauthApp: OAuthApp | undefined,
  deps: ConnectionClientDeps,
  live: () => Promise<StoredConnection>,
  fetch: typeof globalThis.fetch,
): TokenProvider {
  if (connection.credential.type === 'sandbox') {
    return {
      getAccessToken: async () => (await live(), (await deps.sandbox()).token),
    };
  }
  if (connection.credential.type === 'pit') {
    return {
      async getAccessToken() {
        const { credential } = await live();
        if (credential.type !== 'pit') throw new GhlError('reconnect-needed', 'connection');
        return credential.token;
      },
    };
  }
  const tokenUrlBase = oauthApp?.exchange === 'broker' ? oauthApp.brokerUrl : GHL_API_BASE;
  return createOAuthTokenProvider({
    oauth: createOAuthTokenClient({
      baseURL: tokenUrlBase,
      fetch,
      clock: deps.clock,
      onAttempt: deps.audit,
    }),
    credentials: {
      clientId: oauthApp?.clientId ?? '',
      // Only the direct exchange sends the secret; a broker refuses grants that carry one.
      clientSecret: oauthApp?.exchange === 'secret' ? oauthApp.clientSecret : undefined,
    },
    clock: deps.clock,
    exclusive: (task) => withExclusiveLock(LOCKS.refresh, task),
    onBackgroundRefreshFailure(error) {
      if (error instanceof GhlError) deps.onFailure(connection.credentialId, error);
    },
    store: {
      async load() {
        const { credential, scopes, locationId } = await live();
        if (credential.type !== 'oauth') return undefined;
        return { ...credential, scopes, locationId };
      },
      // Saved before the new access token is used: the old refresh token is already spent.
      async save(tokens) {
        let before: string[] = [];
        const saved = await withExclusiveLock(LOCKS.connection, async () => {
          const stored = await live();
          before = stored.scopes;
          const next: StoredConnection = {
            ...stored,
            scopes: tokens.scopes,
            credential: {
              type: 'oauth',
              accessToken: tokens.accessToken,
              refreshToken: tokens.refreshToken,
              expiresAt: tokens.expiresAt,
            },
          };
          await deps.store.saveConnection(next);
          return next;
        });
        if (before.join(' ') !== saved.scopes.join(' ')) deps.onScopesChanged(saved);
      },
    },
  });
}
