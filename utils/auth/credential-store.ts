import { deleteDB, openDB, type DBSchema } from 'idb';
import type { z } from 'zod';
import {
  oauthAppSchema,
  storedConnectionSchema,
  type OAuthApp,
  type StoredConnection,
} from './connection-records';

/**
 * The extension origin's own IndexedDB. A content script runs with the page's origin, so its
 * `indexedDB` is app.trint.com's and it cannot open this database at all; storage.local and
 * storage.sync, by contrast, are readable by content scripts. See README "Security".
 */
export const CREDENTIALS_DB_NAME = 'ghl-for-trint-credentials';

interface CredentialsDb extends DBSchema {
  secrets: { key: 'connection' | 'oauth-app'; value: unknown };
}

/** Reads and writes the connection and the OAuth app setup. Background only. */
export interface CredentialStore {
  loadConnection(): Promise<StoredConnection | undefined>;
  saveConnection(connection: StoredConnection): Promise<void>;
  loadOAuthApp(): Promise<OAuthApp | undefined>;
  saveOAuthApp(app: OAuthApp): Promise<void>;
  /** Forgets the connection's tokens and the client secret; keeps the non-secret app setup. */
  wipeCredentials(): Promise<void>;
  /** Forgets the connection alone (leaving Sandbox mode, which holds no credential). */
  forgetConnection(): Promise<void>;
}

/** {@link CredentialStore} on IndexedDB. */
export function createCredentialStore(dbName = CREDENTIALS_DB_NAME): CredentialStore {
  const db = openDB<CredentialsDb>(dbName, 1, {
    upgrade(database, oldVersion) {
      // Version 1: one key-value store. Later versions add a migration step each.
      if (oldVersion < 1) database.createObjectStore('secrets');
    },
  });

  async function load<T>(key: 'connection' | 'oauth-app', schema: z.ZodType<T>) {
    const value = await (await db).get('secrets', key);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    // A record this version cannot read counts as absent: the person connects again. Its
    // content is never logged, it may hold a token.
    if (!parsed.success) console.warn(`GHL for Trint: ignoring an unreadable ${key} record`);
    return parsed.success ? parsed.data : undefined;
  }

  return {
    loadConnection: () => load('connection', storedConnectionSchema),
    async saveConnection(connection) {
      await (await db).put('secrets', storedConnectionSchema.parse(connection), 'connection');
    },
    loadOAuthApp: () => load('oauth-app', oauthAppSchema),
    async saveOAuthApp(app) {
      await (await db).put('secrets', oauthAppSchema.parse(app), 'oauth-app');
    },
    async wipeCredentials() {
      const database = await db;
      const tx = database.transaction('secrets', 'readwrite');
      // Read inside the transaction (IndexedDB work only). An app record this version cannot
      // read may still hold a client secret, so it is deleted rather than kept as "absent".
      const app = oauthAppSchema.safeParse(await tx.store.get('oauth-app'));
      await Promise.all([
        tx.store.delete('connection'),
        app.success
          ? tx.store.put({ ...app.data, clientSecret: undefined }, 'oauth-app')
          : tx.store.delete('oauth-app'),
        tx.done,
      ]);
    },
    async forgetConnection() {
      await (await db).delete('secrets', 'connection');
    },
  };
}

/** Deletes the whole credentials database (tests; uninstall does this by itself). */
export function deleteCredentialsDb(dbName = CREDENTIALS_DB_NAME): Promise<void> {
  return deleteDB(dbName);
}
