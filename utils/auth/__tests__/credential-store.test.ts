import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import type { OAuthApp, StoredConnection } from '../connection-records';
import { createCredentialStore } from '../credential-store';

let dbCount = 0;
/**
 * A fresh database per test, so no test sees another's records. (Not deleted afterwards: the
 * store keeps its connection open, as the background does, which would block a deletion.)
 */
const freshName = () => `credentials-test-${(dbCount += 1)}`;

const connection: StoredConnection = {
  credentialId: 'cred-1',
  kind: 'pit',
  locationId: 'loc1',
  locationName: 'Location One',
  scopes: ['contacts.readonly', 'contacts.write'],
  connectedAt: 1_700_000_000_000,
  credential: { type: 'pit', token: 'pit-SECRET-token-value' },
  health: { state: 'ok' },
};

const app: OAuthApp = {
  clientId: 'client-id-1',
  exchange: 'secret',
  brokerUrl: 'https://broker.example.com',
  clientSecret: 'client-SECRET-value',
};

/** Writes a raw value under a key, as an older or corrupted version might have. */
async function putRaw(dbName: string, key: string, value: unknown) {
  const db = await openDB(dbName, 1, {
    upgrade: (database) => database.createObjectStore('secrets'),
  });
  await db.put('secrets', value, key);
  db.close();
}

async function getRaw(dbName: string, key: string) {
  const db = await openDB(dbName, 1);
  const value: unknown = await db.get('secrets', key);
  db.close();
  return value;
}

describe('credential store', () => {
  it('loads nothing from an empty database', async () => {
    const store = createCredentialStore(freshName());
    expect(await store.loadConnection()).toBeUndefined();
    expect(await store.loadOAuthApp()).toBeUndefined();
  });

  it.each<[string, StoredConnection]>([
    ['a Private Integration connection', connection],
    [
      'an OAuth connection that needs reconnecting',
      {
        ...connection,
        kind: 'oauth',
        locationName: undefined,
        readOnlyReason: 'GHL refused a change.',
        credential: { type: 'oauth', accessToken: 'at', refreshToken: 'rt', expiresAt: 42 },
        health: { state: 'reconnect-needed', reason: 'revoked', at: 9, notified: true },
      },
    ],
    ['Sandbox mode', { ...connection, kind: 'sandbox', credential: { type: 'sandbox' } }],
  ])('round-trips %s', async (_name, record) => {
    const name = freshName();
    await createCredentialStore(name).saveConnection(record);
    // A new store on the same database: what a restarted service worker reads.
    expect(await createCredentialStore(name).loadConnection()).toEqual(record);
  });

  it('round-trips the OAuth app setup, and a later save replaces it', async () => {
    const store = createCredentialStore(freshName());
    await store.saveOAuthApp(app);
    expect(await store.loadOAuthApp()).toEqual(app);
    const broker: OAuthApp = { clientId: 'c2', exchange: 'broker', brokerUrl: 'https://b.example' };
    await store.saveOAuthApp(broker);
    expect(await store.loadOAuthApp()).toEqual(broker);
  });

  it('refuses to save a record it could not read back', async () => {
    const name = freshName();
    const store = createCredentialStore(name);
    const bad = { ...connection, credential: { type: 'pit', token: '' } } as StoredConnection;
    await expect(store.saveConnection(bad)).rejects.toThrow();
    expect(await getRaw(name, 'connection')).toBeUndefined();
  });

  it.each([
    ['a record of another shape', { version: 7, token: 'pit-SECRET-token-value' }],
    [
      'a connection with an unknown kind',
      {
        ...connection,
        kind: 'api-key',
        credential: { type: 'pit', token: 'pit-SECRET-token-value' },
      },
    ],
    ['a string', 'pit-SECRET-token-value'],
  ])('counts %s as absent without logging its contents', async (_name, raw) => {
    const name = freshName();
    const logged = [
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'log').mockImplementation(() => {}),
      vi.spyOn(console, 'info').mockImplementation(() => {}),
      vi.spyOn(console, 'debug').mockImplementation(() => {}),
    ];
    await putRaw(name, 'connection', raw);
    await putRaw(name, 'oauth-app', {
      clientId: 'c',
      exchange: 'carrier-pigeon',
      clientSecret: 'client-SECRET-value',
    });
    const store = createCredentialStore(name);
    expect(await store.loadConnection()).toBeUndefined();
    expect(await store.loadOAuthApp()).toBeUndefined();
    const output = JSON.stringify(logged.flatMap((spy) => spy.mock.calls));
    // It says that something was ignored...
    expect(logged[0]!.mock.calls.length).toBeGreaterThan(0);
    // ...and nothing of what.
    expect(output).not.toContain('SECRET');
  });

  it('wipeCredentials removes the connection and the client secret, keeps the app setup', async () => {
    const name = freshName();
    const store = createCredentialStore(name);
    await store.saveConnection(connection);
    await store.saveOAuthApp(app);
    await store.wipeCredentials();
    expect(await store.loadConnection()).toBeUndefined();
    expect(await store.loadOAuthApp()).toEqual({
      clientId: app.clientId,
      exchange: app.exchange,
      brokerUrl: app.brokerUrl,
    });
    // Gone from disk, not only from what the schema reads.
    expect(JSON.stringify(await getRaw(name, 'oauth-app'))).not.toContain('SECRET');
    expect(await getRaw(name, 'connection')).toBeUndefined();
  });

  it('wipeCredentials without an app setup only removes the connection', async () => {
    const name = freshName();
    const store = createCredentialStore(name);
    await store.saveConnection(connection);
    await store.wipeCredentials();
    expect(await store.loadConnection()).toBeUndefined();
    expect(await getRaw(name, 'oauth-app')).toBeUndefined();
  });

  it('wipeCredentials also removes an unreadable app setup, which may hold a secret', async () => {
    const name = freshName();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await putRaw(name, 'oauth-app', { clientId: '', clientSecret: 'client-SECRET-value' });
    const store = createCredentialStore(name);
    await store.wipeCredentials();
    expect(JSON.stringify((await getRaw(name, 'oauth-app')) ?? null)).not.toContain('SECRET');
  });

  it('keeps databases apart: another name sees nothing', async () => {
    await createCredentialStore(freshName()).saveConnection(connection);
    expect(await createCredentialStore(freshName()).loadConnection()).toBeUndefined();
  });
});
