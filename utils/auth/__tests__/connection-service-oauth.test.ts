import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { CACHE_DB_NAME } from '../../db/db-names';
import {
  GHL_API_BASE,
  OPTIONAL_SCOPES,
  SCOPE_CONTACTS_READ,
  SCOPE_CONTACTS_WRITE,
} from '../../ghl/api-constants';
import { GhlError } from '../../ghl/ghl-error';
import { OAUTH_REFRESH_AHEAD_MS } from '../../ghl/oauth-token-provider';
import {
  OTHER_LOCATION,
  SANDBOX_LOCATION,
  SANDBOX_OAUTH_CLIENT,
  SANDBOX_TOKENS,
} from '../../../sandbox/sandbox-fixtures';
import { ConnectError } from '../connect-error';
import type { OAuthApp } from '../connection-records';
import { refreshIfDue } from '../token-refresh';
import {
  BROKER_APP,
  BROKER_URL,
  connectionUnderTest,
  REDIRECT_URI,
  SECRET_APP,
  type ConnectionUnderTest,
} from './connection-harness';

const SAM = 'sbxContSamLee0000001';
const HOUR = 60 * 60_000;
const BOTH = [SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE];
/** What a read-write connection asks for and the Sandbox grants: both, and the names scopes. */
const ASKED = [...BOTH, ...OPTIONAL_SCOPES];

/** A service with the OAuth app set up, connected through the authorization page. */
async function oauthConnected(app: OAuthApp = SECRET_APP, options = { tokenTtlSeconds: 3600 }) {
  const h = connectionUnderTest(options);
  await h.store.saveOAuthApp(app);
  await h.run(h.service.connectOAuth({ readOnly: false }));
  return h;
}

async function oauthTokens(h: ConnectionUnderTest) {
  const stored = await h.store.loadConnection();
  if (stored?.credential.type !== 'oauth') throw new Error('not an OAuth connection');
  return stored.credential;
}

async function failure(h: ConnectionUnderTest, promise: Promise<unknown>): Promise<Error> {
  const error = await h.run(promise).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!error) expect.unreachable('expected a failure');
  return error;
}

const formOf = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe('connecting with OAuth', () => {
  it('walks the authorization page and exchanges the code with the secret', async () => {
    const h = connectionUnderTest({ tokenTtlSeconds: 3600 });
    await h.store.saveOAuthApp(SECRET_APP);
    const status = await h.run(h.service.connectOAuth({ readOnly: false }));
    expect(status).toMatchObject({
      state: 'connected',
      kind: 'oauth',
      locationId: SANDBOX_LOCATION.id,
      scopes: ASKED,
      canWrite: true,
      since: h.fake.now(),
    });
    const asked = new URL(h.authorizeUrls[0]!);
    expect(asked.searchParams.get('client_id')).toBe(SANDBOX_OAUTH_CLIENT.clientId);
    expect(asked.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(asked.searchParams.get('scope')).toBe(ASKED.join(' '));
    const exchange = h.seen.find((r) => r.url.pathname === '/oauth/token')!;
    expect(exchange.url.origin).toBe(GHL_API_BASE);
    expect(formOf(exchange.body)).toMatchObject({
      grant_type: 'authorization_code',
      client_secret: SANDBOX_OAUTH_CLIENT.clientSecret,
      redirect_uri: REDIRECT_URI,
    });
    expect((await oauthTokens(h)).expiresAt).toBe(h.fake.now() + HOUR);
    const { ghl } = await h.service.client();
    await expect(h.run(ghl.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    expect(JSON.stringify(h.published)).not.toMatch(/sbx-(at|rt)-/);
  });

  it('asks for contacts.readonly (and the optional names scopes) when the person picks read-only', async () => {
    const h = connectionUnderTest();
    await h.store.saveOAuthApp(SECRET_APP);
    const status = await h.run(h.service.connectOAuth({ readOnly: true }));
    const readOnly = [SCOPE_CONTACTS_READ, ...OPTIONAL_SCOPES];
    expect(new URL(h.authorizeUrls[0]!).searchParams.get('scope')).toBe(readOnly.join(' '));
    expect(status).toMatchObject({ scopes: readOnly, canWrite: false });
  });

  it.each([
    ['a broker setup', BROKER_APP],
    // A secret left from an earlier direct setup must not ride along: the broker refuses it.
    ['a broker setup with a leftover secret', { ...BROKER_APP, clientSecret: 'leftover-secret' }],
  ])(
    'exchanges and refreshes through the token broker, never sending a secret (%s)',
    async (_name, app) => {
      const h = await oauthConnected(app);
      expect(await h.service.status()).toMatchObject({ state: 'connected', kind: 'oauth' });
      await h.fake.advance(2 * HOUR);
      const { ghl } = await h.service.client();
      await expect(h.run(ghl.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
      const grants = h.seen.filter((r) => r.url.pathname === '/oauth/token');
      expect(grants.map((r) => [r.url.origin, formOf(r.body).grant_type])).toEqual([
        [BROKER_URL, 'authorization_code'],
        [BROKER_URL, 'refresh_token'],
      ]);
      for (const grant of grants) expect(formOf(grant.body)).not.toHaveProperty('client_secret');
      // The broker added it on the way to GHL, which accepted both grants.
      expect(h.tokenRequests()).toBe(2);
    },
  );

  it('names the broker when a refresh cannot reach it, and keeps the connection', async () => {
    const h = await oauthConnected(BROKER_APP);
    h.hooks.beforeSend = (request) => {
      if (request.url.origin === BROKER_URL) throw new TypeError('Failed to fetch');
    };
    await h.fake.advance(2 * HOUR);
    const { ghl } = await h.service.client();
    const error = await failure(h, ghl.contacts.get(SAM));
    expect(error).toMatchObject({ kind: 'network' });
    expect(error.message).toMatch(/token broker could not be reached, or refused this extension/);
    // Not the person's doing to reconnect: the broker may come back.
    expect(await h.service.status()).toMatchObject({ state: 'connected' });
    expect(h.notified).toEqual([]);
  });

  it('explains a broker that does not allow this extension', async () => {
    const h = connectionUnderTest({
      brokerAllowedOrigins: ['chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba'],
    });
    await h.store.saveOAuthApp(BROKER_APP);
    const error = await failure(h, h.service.connectOAuth({ readOnly: false }));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(/allowed origins/);
    expect(await h.store.loadConnection()).toBeUndefined();
  });

  it.each([
    ['a forged state', { forgeState: 'someone-elses-state' }, /state mismatch/],
    ['a cancelled authorization', { location: 'cancel' as const }, /Access was not granted/],
    [
      'a closed window',
      { fail: new Error('The user did not approve access.') },
      /^The GHL sign-in window was closed before access was granted\. Nothing was saved\.$/,
    ],
    [
      'a page that could not load',
      { fail: new Error('Authorization page could not be loaded.') },
      /sign-in page could not be loaded/,
    ],
  ])('refuses %s and saves nothing', async (_name, authorization, message) => {
    const h = connectionUnderTest();
    await h.store.saveOAuthApp(SECRET_APP);
    Object.assign(h.authorization, authorization);
    const error = await failure(h, h.service.connectOAuth({ readOnly: false }));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(message);
    // No code was exchanged: nothing to revoke, nothing stored.
    expect(h.tokenRequests()).toBe(0);
    expect(await h.store.loadConnection()).toBeUndefined();
    expect(h.published).toEqual([]);
  });

  it.each<[string, OAuthApp | undefined]>([
    ['no setup at all', undefined],
    ['the secret exchange without a secret', { ...SECRET_APP, clientSecret: undefined }],
    ['the broker exchange without a broker URL', { ...BROKER_APP, brokerUrl: undefined }],
  ])('says OAuth is not set up with %s, before opening a window', async (_name, app) => {
    const h = connectionUnderTest();
    if (app) await h.store.saveOAuthApp(app);
    const error = await failure(h, h.service.connectOAuth({ readOnly: false }));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(/OAuth is not set up yet/);
    expect(h.authorizeUrls).toEqual([]);
    expect(h.seen).toEqual([]);
  });

  it('explains a wrong client secret', async () => {
    const h = connectionUnderTest();
    await h.store.saveOAuthApp({ ...SECRET_APP, clientSecret: 'not-the-secret' });
    const error = await failure(h, h.service.connectOAuth({ readOnly: false }));
    expect(error.message).toMatch(/check the client id and client secret/);
    expect(error.message).not.toContain('not-the-secret');
  });

  it('refuses another location while connected, and keeps the connection', async () => {
    const h = connectionUnderTest();
    await h.run(
      h.service.connectPrivateToken({
        token: SANDBOX_TOKENS.readWrite,
        locationId: SANDBOX_LOCATION.id,
      }),
    );
    const before = await h.store.loadConnection();
    await h.store.saveOAuthApp(SECRET_APP);
    h.authorization.location = 'other';
    const error = await failure(h, h.service.connectOAuth({ readOnly: false }));
    expect(error.message).toMatch(`To connect location ${OTHER_LOCATION.id}, disconnect first`);
    expect(await h.store.loadConnection()).toEqual(before);
  });
});

/** A record in the cache database, as the outbox keeps a queued write. */
async function queueWrite() {
  const db = await openDB(CACHE_DB_NAME, 1, {
    upgrade: (database) => database.createObjectStore('outbox', { keyPath: 'id' }),
  });
  await db.put('outbox', { id: 'write-1', op: 'tasks.create', contactId: SAM, title: 'Call' });
  db.close();
}

async function queuedWrites() {
  const db = await openDB(CACHE_DB_NAME, 1);
  const writes: unknown[] = await db.getAll('outbox');
  db.close();
  return writes;
}

describe('a refused refresh (invalid grant)', () => {
  it.each([
    [
      'the grant was revoked in GHL',
      async (h: ConnectionUnderTest) => h.revoke((await oauthTokens(h)).refreshToken),
    ],
    [
      'the refresh token was spent by a stale copy',
      async (h: ConnectionUnderTest) => {
        const response = await h.sandbox.handle(
          new Request(`${GHL_API_BASE}/oauth/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              client_id: SANDBOX_OAUTH_CLIENT.clientId,
              client_secret: SANDBOX_OAUTH_CLIENT.clientSecret,
              grant_type: 'refresh_token',
              refresh_token: (await oauthTokens(h)).refreshToken,
            }).toString(),
          }),
        );
        expect(response.status).toBe(200);
      },
    ],
  ])('%s: reconnect-needed, with the outbox untouched', async (_name, loseGrant) => {
    const h = await oauthConnected();
    await queueWrite();
    await loseGrant(h);
    await h.fake.advance(2 * HOUR);
    const { ghl } = await h.service.client();
    const error = await failure(h, ghl.contacts.get(SAM));
    expect(error).toBeInstanceOf(GhlError);
    expect(error).toMatchObject({ kind: 'reconnect-needed' });
    expect(await h.service.status()).toMatchObject({
      state: 'reconnect-needed',
      kind: 'oauth',
      reconnectReason: expect.stringMatching(/nothing you wrote is lost/),
    });
    await h.run(h.service.settled());
    expect(h.notified).toHaveLength(1);
    expect(h.calls.wipeCache).toBe(0);
    expect(await queuedWrites()).toHaveLength(1);
    // No second refresh: the next calls stop before GHL.
    const tokenRequests = h.tokenRequests();
    await expect(h.run(h.service.client())).rejects.toMatchObject({ kind: 'reconnect-needed' });
    await expect(h.run(ghl.contacts.get(SAM))).rejects.toMatchObject({ kind: 'reconnect-needed' });
    expect(h.tokenRequests()).toBe(tokenRequests);

    expect(await h.run(h.service.disconnect({ wipeCache: false }))).toEqual({
      state: 'not-connected',
    });
    expect(h.calls.wipeCache).toBe(0);
    expect(await queuedWrites()).toHaveLength(1);
    await h.run(h.service.disconnect({ wipeCache: true }));
    expect(h.calls.wipeCache).toBe(1);
  });

  it('is also noticed by the refresh ahead of expiry', async () => {
    const h = await oauthConnected();
    await h.revoke((await oauthTokens(h)).refreshToken);
    await h.fake.advance(HOUR - OAUTH_REFRESH_AHEAD_MS + 1_000);
    await h.run(refreshIfDue(h.service, h.store, h.fake.clock));
    expect(await h.service.status()).toMatchObject({ state: 'reconnect-needed' });
    expect(h.calls.wipeCache).toBe(0);
  });
});

describe('expiry and refresh', () => {
  it('refreshIfDue does nothing before the margin and refreshes inside it', async () => {
    const h = await oauthConnected();
    const first = await oauthTokens(h);
    await h.fake.advance(HOUR - OAUTH_REFRESH_AHEAD_MS - 1_000);
    await h.run(refreshIfDue(h.service, h.store, h.fake.clock));
    expect(h.tokenRequests()).toBe(1);
    expect(await oauthTokens(h)).toEqual(first);

    await h.fake.advance(2_000);
    await h.run(refreshIfDue(h.service, h.store, h.fake.clock));
    expect(h.tokenRequests()).toBe(2);
    const second = await oauthTokens(h);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.expiresAt).toBe(h.fake.now() + HOUR);
    // Not due again right after.
    await h.run(refreshIfDue(h.service, h.store, h.fake.clock));
    expect(h.tokenRequests()).toBe(2);
    expect(await h.service.status()).toMatchObject({ state: 'connected' });
  });

  it.each([
    ['ahead of expiry', HOUR - 60_000],
    ['after expiry', 2 * HOUR],
  ])('stores the new pair before GHL sees the new access token (%s)', async (_name, wait) => {
    const h = await oauthConnected();
    const first = await oauthTokens(h);
    const sightings: { sent: string; stored: Awaited<ReturnType<typeof oauthTokens>> }[] = [];
    h.hooks.beforeSend = async (request) => {
      const sent = request.authorization?.replace(/^Bearer /, '');
      if (!sent || sent === first.accessToken) return;
      sightings.push({ sent, stored: await oauthTokens(h) });
    };
    await h.fake.advance(wait);
    const { ghl } = await h.service.client();
    await h.run(ghl.contacts.get(SAM));
    await h.run(h.service.settled());
    await h.fake.advance(1_000);
    await h.run(ghl.contacts.get(SAM));
    expect(h.tokenRequests()).toBe(2);
    expect(sightings.length).toBeGreaterThan(0);
    for (const { sent, stored } of sightings) {
      expect(stored.accessToken).toBe(sent);
      expect(stored.refreshToken).not.toBe(first.refreshToken);
    }
    expect(h.sandbox.state.counters.byStatus['401']).toBeUndefined();
  });

  it('thirty concurrent calls with an expired token cause exactly one refresh', async () => {
    const h = await oauthConnected();
    await h.fake.advance(2 * HOUR);
    const calls = Array.from({ length: 30 }, () =>
      h.service.client().then(({ ghl }) => ghl.contacts.get(SAM)),
    );
    const contacts = await h.run(Promise.all(calls));
    expect(contacts.every((c) => c.id === SAM)).toBe(true);
    expect(h.tokenRequests()).toBe(2); // the code exchange, then one refresh
    expect(h.sandbox.state.counters.byStatus['401']).toBeUndefined();
    expect(await h.service.status()).toMatchObject({ state: 'connected' });
  });

  it('two contexts on one store refresh once between them, and both use the new token', async () => {
    const h = await oauthConnected();
    const other = h.anotherContext();
    await h.fake.advance(2 * HOUR);
    const calls = [h.service, other, h.service, other].map((service) =>
      service.client().then(({ ghl }) => ghl.contacts.get(SAM)),
    );
    await h.run(Promise.all(calls));
    // The refresh token rotates: a second refresh would have spent a used one and revoked all.
    expect(h.tokenRequests()).toBe(2); // the code exchange, then one refresh
    expect(h.sandbox.state.counters.byStatus['401']).toBeUndefined();
    const bearers = new Set(
      h.seen.filter((r) => r.url.pathname.startsWith('/contacts/')).map((r) => r.authorization),
    );
    expect(bearers.size).toBe(1);
    expect(await other.status()).toMatchObject({ state: 'connected' });
  });

  it('callers asking for a client together share one (and so one refresh)', async () => {
    const h = await oauthConnected();
    const clients = await h.run(Promise.all([1, 2, 3, 4].map(() => h.service.client())));
    expect(new Set(clients).size).toBe(1);
  });
});
