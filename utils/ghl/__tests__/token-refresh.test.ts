import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { SANDBOX_LOCATION, SANDBOX_OAUTH_CLIENT } from '../../../sandbox/sandbox-fixtures';
import { createSandbox, type Sandbox } from '../../../sandbox/sandbox-handler';
import { createSandboxFetch } from '../../../sandbox/sandbox-fetch';
import { createOAuthTokenClient } from '../oauth-token-client';
import {
  createOAuthTokenProvider,
  type OAuthTokenSet,
  type OAuthTokenStore,
} from '../oauth-token-provider';

const SAM = 'sbxContSamLee0000001';
const REDIRECT = 'https://extension-id.chromiumapp.org/';
const credentials = {
  clientId: SANDBOX_OAUTH_CLIENT.clientId,
  clientSecret: SANDBOX_OAUTH_CLIENT.clientSecret,
};

/** Walks the Sandbox's authorization page and exchanges the code: a connected token set. */
async function connect(sandbox: Sandbox, now: number): Promise<OAuthTokenSet> {
  const url = new URL('https://services.leadconnectorhq.com/v2/oauth/chooselocation/approve');
  url.search = new URLSearchParams({
    client_id: credentials.clientId,
    redirect_uri: REDIRECT,
    scope: 'contacts.readonly contacts.write',
    state: 'state-1',
    locationId: SANDBOX_LOCATION.id,
  }).toString();
  const redirect = await sandbox.handle(new Request(url));
  const back = new URL(redirect.headers.get('location')!);
  expect(back.searchParams.get('state')).toBe('state-1');
  const oauth = createOAuthTokenClient({ fetch: createSandboxFetch(sandbox) });
  const answer = await oauth.exchangeCode(credentials, back.searchParams.get('code')!, REDIRECT);
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: now + answer.expires_in * 1000,
    scopes: answer.scope!.split(' '),
  };
}

function memoryStore(initial: OAuthTokenSet): OAuthTokenStore & { saved: OAuthTokenSet[] } {
  let current = initial;
  const saved: OAuthTokenSet[] = [];
  return {
    saved,
    load: async () => current,
    save: async (tokens) => {
      saved.push(tokens);
      current = tokens;
    },
  };
}

async function setup() {
  const fake = createFakeClock();
  const sandbox = createSandbox({ clock: fake.clock, tokenTtlSeconds: 3600 });
  const tokens = await connect(sandbox, fake.now());
  const oauth = createOAuthTokenClient({ fetch: createSandboxFetch(sandbox) });
  sandbox.state.counters = { total: 0, byEndpoint: {}, byToken: {}, byStatus: {} };
  return { fake, sandbox, tokens, oauth };
}

describe('OAuth refresh', () => {
  it('fifty requests that all get 401 cause exactly one refresh, then all succeed', async () => {
    const { fake, sandbox, tokens, oauth } = await setup();
    // The token expired at GHL while the stored expiry still says it is fine (a clock skew),
    // so every request goes out with it and gets 401.
    const store = memoryStore({ ...tokens, expiresAt: fake.now() + 24 * 3_600_000 });
    await fake.advance(2 * 3_600_000);
    const provider = createOAuthTokenProvider({ oauth, credentials, store, clock: fake.clock });
    const { client } = sandboxClient(sandbox, { clock: fake.clock, tokens: provider });
    const calls = Array.from({ length: 50 }, () => client.contacts.get(SAM));
    const results = await fake.run(Promise.all(calls));
    expect(results.every((c) => c.id === SAM)).toBe(true);
    expect(sandbox.state.counters.byEndpoint['POST /oauth/token']).toBe(1);
    expect(store.saved).toHaveLength(1);
  });

  it('refreshes ahead of expiry and stores the new pair before using it', async () => {
    const { fake, sandbox, tokens, oauth } = await setup();
    const store = memoryStore(tokens);
    const order: string[] = [];
    const provider = createOAuthTokenProvider({
      oauth,
      credentials,
      clock: fake.clock,
      refreshAheadMs: 5 * 60_000,
      store: {
        load: store.load,
        save: async (next) => {
          order.push('saved');
          await store.save(next);
        },
      },
    });
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      tokens: provider,
      fetch: (input, init) => {
        const auth = new Headers(init?.headers).get('authorization') ?? '';
        if (auth.includes(store.saved[0]?.accessToken ?? '--')) order.push('used');
        return createSandboxFetch(sandbox)(input, init);
      },
    });
    await fake.advance(56 * 60_000); // 4 minutes before the hour-long token expires
    // This call goes at once with the still-valid token; the refresh runs beside it.
    await fake.run(client.contacts.get(SAM));
    await fake.advance(1_000);
    await fake.run(client.contacts.get(SAM));
    expect(order).toEqual(['saved', 'used']);
    expect(sandbox.state.counters.byEndpoint['POST /oauth/token']).toBe(1);
    expect(sandbox.state.counters.byStatus['401']).toBeUndefined();
  });

  it('waits for the refresh when the token has already expired', async () => {
    const { fake, sandbox, tokens, oauth } = await setup();
    const store = memoryStore(tokens);
    const provider = createOAuthTokenProvider({ oauth, credentials, store, clock: fake.clock });
    const { client } = sandboxClient(sandbox, { clock: fake.clock, tokens: provider });
    await fake.advance(61 * 60_000);
    await expect(fake.run(client.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    expect(store.saved).toHaveLength(1);
    expect(sandbox.state.counters.byStatus['401']).toBeUndefined();
  });

  it('does not hammer a failing token endpoint: one early refresh a minute at most', async () => {
    const { fake, sandbox, tokens, oauth } = await setup();
    const provider = createOAuthTokenProvider({
      oauth,
      credentials,
      store: memoryStore(tokens),
      clock: fake.clock,
    });
    const { client } = sandboxClient(sandbox, { clock: fake.clock, tokens: provider });
    await fake.advance(57 * 60_000);
    sandbox.state.faults.arm({ failNext: { count: 100, status: 503 } });
    for (let i = 0; i < 10; i += 1) {
      sandbox.state.faults.arm({ failNext: { count: 100, status: 503 } });
      await fake.run(provider.getAccessToken());
      await fake.advance(1_000);
    }
    expect(sandbox.state.counters.byEndpoint['POST /oauth/token']).toBe(1);
    sandbox.state.faults.clear();
    await fake.advance(60_000);
    await expect(fake.run(client.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    await fake.advance(1_000);
    expect(sandbox.state.counters.byEndpoint['POST /oauth/token']).toBe(2);
  });

  it('a reused refresh token revokes the whole family: both holders must reconnect', async () => {
    const { fake, sandbox, tokens, oauth } = await setup();
    // Two copies of the same grant, as after a restored backup or a race between contexts.
    const first = createOAuthTokenProvider({
      oauth,
      credentials,
      store: memoryStore(tokens),
      clock: fake.clock,
    });
    const second = createOAuthTokenProvider({
      oauth,
      credentials,
      store: memoryStore(tokens),
      clock: fake.clock,
    });
    const renewed = await fake.run(first.refresh!(tokens.accessToken));
    await expect(fake.run(second.refresh!(tokens.accessToken))).rejects.toMatchObject({
      kind: 'reconnect-needed',
    });
    // The family is gone: even the first holder's fresh token stops working.
    const { client } = sandboxClient(sandbox, { clock: fake.clock, tokens: first });
    await expect(fake.run(client.contacts.get(SAM))).rejects.toMatchObject({
      kind: 'reconnect-needed',
    });
    expect(renewed).not.toBe(tokens.accessToken);
  });

  it('a 401 after a successful refresh means reconnect, not a refresh loop', async () => {
    const { fake, sandbox } = await setup();
    let refreshes = 0;
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      tokens: {
        getAccessToken: async () => 'dead-token',
        refresh: async () => {
          refreshes += 1;
          return 'still-dead-token';
        },
      },
    });
    await expect(fake.run(client.contacts.get(SAM))).rejects.toMatchObject({
      kind: 'reconnect-needed',
    });
    expect(refreshes).toBe(1);
  });

  it('the token client sends only the documented form fields', async () => {
    const { sandbox } = await setup();
    const bodies: string[] = [];
    const oauth = createOAuthTokenClient({
      fetch: async (input, init) => {
        bodies.push(String(init?.body));
        return createSandboxFetch(sandbox)(input, init);
      },
    });
    // Real GHL answers a refused refresh with 400 (highlevel-api-docs#249), as the Sandbox does.
    await expect(oauth.refresh(credentials, 'no-such-refresh-token')).rejects.toMatchObject({
      kind: 'reconnect-needed',
      status: 400,
    });
    expect([...new URLSearchParams(bodies[0]).keys()].sort()).toEqual([
      'client_id',
      'client_secret',
      'grant_type',
      'refresh_token',
      'user_type',
    ]);
  });

  it.each([400, 401])('a refresh refused with %i means reconnect', async (status) => {
    const oauth = createOAuthTokenClient({
      fetch: async () =>
        new Response(JSON.stringify({ statusCode: status, message: 'Location is not active' }), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
    });
    await expect(oauth.refresh(credentials, 'some-refresh-token')).rejects.toMatchObject({
      kind: 'reconnect-needed',
      status,
      ghlMessages: ['Location is not active'],
    });
  });
});
