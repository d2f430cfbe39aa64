import { deleteDB } from 'idb';
import { createAuditLog } from '@/utils/audit/audit-log';
import { createConnectionService } from '@/utils/auth/connection-service';
import { createCredentialStore } from '@/utils/auth/credential-store';
import type { Clock } from '@/utils/clock';
import type { CacheDbSource } from '@/utils/db/open-cache-db';
import { isQuotaError, QUOTA_MESSAGE } from '@/utils/db/quota';
import { createRateLimiter, type RateLimiter } from '@/utils/ghl/rate-limiter';
import { sandboxFetch, type LoadSandbox } from '@/utils/ghl/sandbox-port';
import type { BackgroundBrowser } from './background-browser';
import type { ConnectionEffects } from './connection-effects';

/** What {@link createBackgroundConnection} is built from. */
export interface BackgroundConnectionDeps {
  browser: Pick<BackgroundBrowser, 'identity'>;
  /** Reaches GHL for a real connection. */
  fetch: typeof fetch;
  /** The Sandbox GHL of Sandbox mode, loaded the first time it is used. */
  sandbox: LoadSandbox;
  clock: Clock;
  db: CacheDbSource;
  /** The cache database's name: disconnecting deletes it. */
  dbName: string;
  credentialsDbName?: string;
  effects: Pick<ConnectionEffects, 'publishStatus' | 'notifyReconnectNeeded'>;
  /** Publishes the sync status, with a problem to show if any; never rejects. */
  publishSync(problem?: string): Promise<void>;
  /** Jitter of the GHL client's retry backoff (Math.random by default). */
  random?: () => number;
}

/**
 * The credentials and the connection to GHL: the credential store, one rate limiter per
 * location (shared by the connection's requests and the sync's plan), the audit log of every
 * request, and the connection service that signs in, refreshes and, on disconnect, wipes the
 * cache.
 */
export function createBackgroundConnection(deps: BackgroundConnectionDeps) {
  const { browser, clock, db, sandbox, publishSync } = deps;
  const store = createCredentialStore(deps.credentialsDbName);
  const limiters = new Map<string, RateLimiter>();
  const limiterFor = (locationId: string) => {
    let limiter = limiters.get(locationId);
    if (!limiter) limiters.set(locationId, (limiter = createRateLimiter({ clock })));
    return limiter;
  };
  const auditLog = createAuditLog({
    db,
    clock,
    // A full disk is shown in the popup; the write that hit it is reported there, not lost quietly.
    onProblem: (error) => void publishSync(isQuotaError(error) ? QUOTA_MESSAGE : undefined),
  });
  const connection = createConnectionService({
    store,
    clock,
    fetchFor: (kind) => (kind === 'sandbox' ? sandboxFetch(sandbox) : deps.fetch),
    sandbox,
    limiterFor,
    async authorize(url) {
      const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!redirect) throw new Error('The user did not approve access.');
      return redirect;
    },
    redirectUri: () => browser.identity.getRedirectURL(),
    publish: deps.effects.publishStatus,
    notifyReconnectNeeded: deps.effects.notifyReconnectNeeded,
    audit: (attempt) => auditLog.record(attempt),
    random: deps.random,
    async wipeCache() {
      // Loads the Sandbox even when it was not in use: only it knows where its records are. A
      // Sandbox that cannot load must not stop the rest of the wipe.
      await sandbox()
        .then((loaded) => loaded.reset())
        .catch((error: unknown) =>
          console.warn(
            'GHL for Trint: the Sandbox could not be reset:',
            error instanceof Error ? error.message : String(error),
          ),
        );
      // Entries still waiting for their batch belong to the data being deleted: written now,
      // they go with it, instead of landing in the next connection's fresh log.
      await auditLog.flush();
      // The delete waits for open connections: close ours first.
      await db.close();
      await deleteDB(deps.dbName);
      await publishSync();
    },
  });
  return { store, limiterFor, auditLog, connection };
}
