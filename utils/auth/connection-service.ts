import type { Clock } from '../clock';
import { createGhlClient } from '../ghl/ghl-client';
import { GhlError } from '../ghl/ghl-error';
import type { RateLimiter } from '../ghl/rate-limiter';
import type { RequestAttempt } from '../ghl/send-once';
import { OPTIONAL_SCOPES, SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE } from '../ghl/api-constants';
import type { LoadSandbox } from '../ghl/sandbox-port';
import { ConnectError } from './connect-error';
import { createConnectionClient, LOCKS, type ConnectionClient } from './connection-client';
import { createHealthTracker, quietly } from './connection-health-tracker';
import type { StoredConnection } from './connection-records';
import { statusOf, type ConnectionStatus } from './connection-status';
import type { CredentialStore } from './credential-store';
import { withExclusiveLock } from './exclusive-lock';
import { connectWithOAuth } from './oauth-connect';
import { refuseOtherLocation } from './location-guard';
import { checkPrivateToken, cleanPrivateTokenInput } from './private-token-check';

/** What the connection service is built from; tests pass fakes. */
export interface ConnectionServiceDeps {
  store: CredentialStore;
  clock: Clock;
  /** The network for live connections; the in-extension Sandbox for Sandbox mode. */
  fetchFor(kind: StoredConnection['kind']): typeof fetch;
  /** The Sandbox GHL, whose location Sandbox mode connects to. */
  sandbox: LoadSandbox;
  limiterFor(locationId: string): RateLimiter;
  /** Opens GHL's authorization page (identity.launchWebAuthFlow); resolves with the redirect. */
  authorize(url: string): Promise<string>;
  redirectUri(): string;
  /** Makes a status visible to every context (storage.local, toolbar badge). */
  publish(status: ConnectionStatus): Promise<void>;
  /** Tells the person, once per loss, that the connection needs them. */
  notifyReconnectNeeded(reason: string): Promise<void>;
  /** Deletes cached GHL data (the cache database and the Sandbox's data). */
  wipeCache(): Promise<void>;
  /** A new credential id (default: a random UUID). */
  newId?(): string;
  /**
   * Hears every request sent to GHL: the connection's calls, token refreshes and the checks of a
   * token before it is saved. What the audit log records.
   */
  audit?: (attempt: RequestAttempt) => void;
  /** Jitter of the clients' retry backoff (default: Math.random). */
  random?: () => number;
}

/** The credential part of a new connection; the service adds ids, times and health. */
type NewConnection = Pick<
  StoredConnection,
  'kind' | 'locationId' | 'locationName' | 'scopes' | 'credential'
>;

/**
 * The GHL connection: connecting (Private Integration token, OAuth, Sandbox), replacing a token,
 * disconnecting, and the health of the credentials. With the clients it hands out (which read the
 * token and store refreshed ones) and the refresh alarm, the only code that touches credentials.
 * Every change is published as a {@link ConnectionStatus}; listeners (sync, the outbox) hear of
 * it to stop when reconnecting is needed and resume when it is done.
 */
export function createConnectionService(deps: ConnectionServiceDeps) {
  const { store, clock } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const listeners = new Set<(status: ConnectionStatus) => void>();
  let cached: ConnectionClient | undefined;

  async function save(connection: StoredConnection | undefined) {
    if (connection) await store.saveConnection(connection);
    cached = undefined;
    return announce(connection);
  }

  /** Publishes a stored connection's status and tells the listeners. */
  async function announce(connection: StoredConnection | undefined) {
    const status = statusOf(connection);
    await deps.publish(status);
    for (const listener of listeners) listener(status);
    return status;
  }

  /** Stores a new credential; the location's first connection time survives token changes. */
  function commit(next: NewConnection): Promise<ConnectionStatus> {
    return withExclusiveLock(LOCKS.connection, async () => {
      const existing = await store.loadConnection();
      refuseOtherLocation(existing, next);
      const sameLocation = existing?.locationId === next.locationId && existing.kind === next.kind;
      return save({
        ...next,
        credentialId: newId(),
        connectedAt: sameLocation ? existing.connectedAt : clock.now(),
        health: { state: 'ok' },
        // A new credential is judged afresh: "Replace token" passes the old record along, and a
        // write refused to the old token must not keep the new one read-only.
        readOnlyReason: undefined,
      });
    });
  }

  const health = createHealthTracker({
    store,
    clock,
    save,
    notifyReconnectNeeded: deps.notifyReconnectNeeded,
  });
  const { onFailure, healthSettled, settled } = health;

  /** The client of a token's check before it is saved: its calls are the person's (default). */
  function probeClient(token: string, locationId: string) {
    return createGhlClient({
      tokens: { getAccessToken: async () => token },
      limiter: deps.limiterFor(locationId),
      fetch: deps.fetchFor('pit'),
      clock,
      onAttempt: deps.audit,
    });
  }

  return {
    /** The public status of the stored connection. */
    async status() {
      await healthSettled();
      return statusOf(await store.loadConnection());
    },

    /** Connects with a Private Integration token after checking it against GHL. */
    async connectPrivateToken(input: { token: string; locationId: string }) {
      const { token, locationId } = cleanPrivateTokenInput(input);
      refuseOtherLocation(await store.loadConnection(), { kind: 'pit', locationId: locationId! });
      const scopes = await checkPrivateToken(probeClient(token, locationId!), locationId!);
      return commit({
        kind: 'pit',
        locationId: locationId!,
        scopes,
        credential: { type: 'pit', token },
      });
    },

    /** Rotates the Private Integration token of the current location; links, cache and queue stay. */
    async replacePrivateToken(input: { token: string }) {
      const existing = await store.loadConnection();
      if (existing?.kind !== 'pit') {
        throw new ConnectError(
          '"Replace token" is for connections made with a Private Integration token.',
        );
      }
      const { token } = cleanPrivateTokenInput(input);
      const scopes = await checkPrivateToken(
        probeClient(token, existing.locationId),
        existing.locationId,
      );
      return commit({ ...existing, scopes, credential: { type: 'pit', token } });
    },

    /** Runs GHL's OAuth authorization in a browser window and connects the chosen location. */
    async connectOAuth(input: { readOnly: boolean }) {
      const app = await store.loadOAuthApp();
      const granted = await connectWithOAuth({ ...deps, app, readOnly: input.readOnly });
      return commit(granted);
    },

    /** Sandbox mode: the built-in Sandbox GHL with its seeded data; no account needed. */
    async connectSandbox() {
      const { location } = await deps.sandbox();
      return commit({
        kind: 'sandbox',
        locationId: location.id,
        locationName: location.name,
        // The Sandbox's token grants every optional scope too (sandbox/sandbox-auth.ts).
        scopes: [SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE, ...OPTIONAL_SCOPES],
        credential: { type: 'sandbox' },
      });
    },

    /** Forgets the credentials; with `wipeCache` (confirmed by the person) the cached data too. */
    async disconnect(input: { wipeCache: boolean }) {
      const status = await withExclusiveLock(LOCKS.connection, async () => {
        // Leaving Sandbox mode removes no credential: an OAuth app set up meanwhile stays usable.
        if ((await store.loadConnection())?.kind === 'sandbox') await store.forgetConnection();
        else await store.wipeCredentials();
        return save(undefined);
      });
      // Outside the lock: deleting the cache database waits until every open connection to it
      // closes, and nothing else about the connection should wait for that.
      if (input.wipeCache) await deps.wipeCache();
      return status;
    },

    /**
     * The GHL client of the current connection. Throws `reconnect-needed` when there is none or
     * it needs the person, so sync and the outbox wait instead of failing writes.
     */
    async client(): Promise<ConnectionClient> {
      await healthSettled();
      const connection = await store.loadConnection();
      if (!connection) {
        throw new GhlError('reconnect-needed', 'connection', { detail: 'Not connected to GHL.' });
      }
      if (connection.health.state !== 'ok') {
        throw new GhlError('reconnect-needed', 'connection', { detail: connection.health.reason });
      }
      if (cached?.credentialId !== connection.credentialId) {
        const app = connection.kind === 'oauth' ? await store.loadOAuthApp() : undefined;
        // Checked again after the await: callers arriving together must share one client, so
        // its token provider's single-flight refresh covers them all.
        if (cached?.credentialId !== connection.credentialId) {
          cached = createConnectionClient(connection, app, {
            ...deps,
            onFailure,
            // Never awaited by the refresh: its tokens are stored, publishing cannot undo that.
            onScopesChanged: (refreshed) =>
              void quietly(async () => void (await announce(refreshed))),
          });
        }
      }
      return cached;
    },

    /**
     * "Check connection": one cheap real call (the first contact of the location). A dead token
     * turns the status to "reconnect needed" before this answers.
     */
    async check(): Promise<ConnectionStatus> {
      const { ghl, locationId } = await this.client();
      try {
        await ghl.contacts.list({ locationId, limit: 1 });
      } finally {
        await settled();
      }
      return statusOf(await store.loadConnection());
    },

    settled,

    /** Reports a failure seen outside a client call (e.g. a refresh ahead of expiry). */
    noteFailure: onFailure,

    /** Re-publishes the stored state (background start) and shows a pending notification. */
    async restore() {
      const connection = await store.loadConnection();
      await deps.publish(statusOf(connection));
      if (connection) await health.notifyOnce(connection.credentialId);
      return connection;
    },

    /** Drops the cached client, e.g. after the OAuth app setup changed. */
    forgetClient() {
      cached = undefined;
    },

    /**
     * Hears every status change made while running (connect, loss, refresh, disconnect). Not
     * called for the state found at start: read {@link status} then. Returns the unsubscribe.
     */
    onChange(listener: (status: ConnectionStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** See {@link createConnectionService}. */
export type ConnectionService = ReturnType<typeof createConnectionService>;
