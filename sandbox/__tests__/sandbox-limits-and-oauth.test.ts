import { describe, expect, it } from 'vitest';
import { SANDBOX_LOCATION, SANDBOX_OAUTH_CLIENT, SANDBOX_TOKENS } from '../sandbox-fixtures';
import { sandboxUnderTest } from './sandbox-requests';

const SAM = 'sbxContSamLee0000001';
const REDIRECT = 'https://abc.chromiumapp.org/';

describe('rate limits like GHL', () => {
  it('sends the five X-RateLimit-* headers on every answer', async () => {
    const { send } = sandboxUnderTest();
    for (const answer of [
      await send(`/contacts/${SAM}`),
      await send('/contacts/nope0000000000000000'),
    ]) {
      expect(
        Object.fromEntries([...answer.headers].filter(([k]) => k.startsWith('x-ratelimit'))),
      ).toEqual({
        'x-ratelimit-max': '100',
        'x-ratelimit-remaining': expect.stringMatching(/^\d+$/),
        'x-ratelimit-interval-milliseconds': '10000',
        'x-ratelimit-limit-daily': '200000',
        'x-ratelimit-daily-remaining': expect.stringMatching(/^\d+$/),
      });
    }
  });

  it('shares 100 per 10 s between all tokens of a location; 429 with Retry-After past it', async () => {
    const { send, sandbox, fake } = sandboxUnderTest();
    const teammate = sandbox.state.auth.mint({ label: 'teammate' });
    for (let i = 0; i < 50; i += 1) {
      expect((await send(`/contacts/${SAM}`)).status).toBe(200);
      expect((await send(`/contacts/${SAM}`, { token: teammate })).status).toBe(200);
    }
    const refused = await send(`/contacts/${SAM}`, { token: teammate });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The other location's bucket is its own.
    expect(
      (await send('/contacts/sbxContSamLee0000001', { token: SANDBOX_TOKENS.otherLocation }))
        .status,
    ).toBe(403);
    await fake.advance(10_000);
    expect((await send(`/contacts/${SAM}`)).status).toBe(200);
  });

  it('enforces the daily cap', async () => {
    const { send, sandbox } = sandboxUnderTest({ rateLimits: { dailyLimit: 2 } });
    expect((await send(`/contacts/${SAM}`)).headers.get('x-ratelimit-daily-remaining')).toBe('1');
    await send(`/contacts/${SAM}`);
    expect((await send(`/contacts/${SAM}`)).status).toBe(429);
    expect(sandbox.state.counters.byStatus['429']).toBe(1);
  });
});

describe('OAuth like GHL', () => {
  const authorize = (extra: Record<string, string> = {}) =>
    `/v2/oauth/chooselocation?${new URLSearchParams({
      response_type: 'code',
      client_id: SANDBOX_OAUTH_CLIENT.clientId,
      redirect_uri: REDIRECT,
      scope: 'contacts.readonly contacts.write',
      state: 'st-42',
      ...extra,
    })}`;

  async function codeFrom(send: ReturnType<typeof sandboxUnderTest>['send'], extra = {}) {
    const page = await send(authorize(extra), { token: null, version: null });
    expect(page.status).toBe(200);
    const approve = /href="([^"]*approve[^"]*locationId=sbxLoc7Trint[^"]*)"/.exec(
      String(page.json),
    )![1]!;
    const back = await send(approve.replace(/&#38;/g, '&'), { token: null, version: null });
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('st-42');
    return location.searchParams.get('code')!;
  }

  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    token: null,
    version: null,
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const client = {
    client_id: SANDBOX_OAUTH_CLIENT.clientId,
    client_secret: SANDBOX_OAUTH_CLIENT.clientSecret,
  };

  it('authorization code → tokens with scope and locationId; the code works once', async () => {
    const { send } = sandboxUnderTest({ tokenTtlSeconds: 120 });
    const code = await codeFrom(send);
    const grant = { ...client, grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
    const answer = await send('/oauth/token', form(grant));
    expect(answer).toMatchObject({
      status: 200,
      json: {
        token_type: 'Bearer',
        expires_in: 120,
        scope: 'contacts.readonly contacts.write',
        locationId: SANDBOX_LOCATION.id,
        userType: 'Location',
      },
    });
    expect((await send(`/contacts/${SAM}`, { token: answer.json.access_token })).status).toBe(200);
    // Replaying the code fails and revokes what it issued.
    expect((await send('/oauth/token', form(grant))).status).toBe(401);
    expect((await send(`/contacts/${SAM}`, { token: answer.json.access_token })).status).toBe(401);
  });

  it('checks the client secret and the redirect URI', async () => {
    const { send } = sandboxUnderTest();
    const code = await codeFrom(send);
    const wrongSecret = {
      ...client,
      client_secret: 'nope',
      grant_type: 'authorization_code',
      code,
    };
    expect((await send('/oauth/token', form(wrongSecret))).status).toBe(401);
    const wrongRedirect = {
      ...client,
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://evil.example/',
    };
    expect((await send('/oauth/token', form(wrongRedirect))).status).toBe(401);
  });

  it('refresh tokens are single-use: a reused one → 400 (as real GHL, #249) and the family revoked', async () => {
    const { send } = sandboxUnderTest();
    const first = await send(
      '/oauth/token',
      form({ ...client, grant_type: 'authorization_code', code: await codeFrom(send) }),
    );
    const refresh = {
      ...client,
      grant_type: 'refresh_token',
      refresh_token: first.json.refresh_token,
    };
    const second = await send('/oauth/token', form(refresh));
    expect(second.status).toBe(200);
    expect(second.json.refresh_token).not.toBe(first.json.refresh_token);
    const replay = await send('/oauth/token', form(refresh));
    expect(replay.status).toBe(400);
    expect(replay.json.message).toMatch(/already used/);
    expect((await send(`/contacts/${SAM}`, { token: second.json.access_token })).status).toBe(401);
    const afterRevoke = {
      ...client,
      grant_type: 'refresh_token',
      refresh_token: second.json.refresh_token,
    };
    expect((await send('/oauth/token', form(afterRevoke))).status).toBe(400);
  });

  it('grants read-only when only contacts.readonly is asked for', async () => {
    const { send } = sandboxUnderTest();
    const code = await codeFrom(send, { scope: 'contacts.readonly' });
    const tokens = await send(
      '/oauth/token',
      form({ ...client, grant_type: 'authorization_code', code }),
    );
    expect(tokens.json.scope).toBe('contacts.readonly');
    const write = await send(`/contacts/${SAM}/notes`, {
      method: 'POST',
      token: tokens.json.access_token,
      body: { body: 'x' },
    });
    expect(write.json.message).toBe('The token is not authorized for this scope.');
  });

  it('verifies PKCE when the authorization sent a challenge', async () => {
    const { send } = sandboxUnderTest();
    const verifier = 'a-long-random-verifier-of-at-least-43-characters-0123456789';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const challenge = Buffer.from(digest).toString('base64url');
    const code = await codeFrom(send, { code_challenge: challenge, code_challenge_method: 'S256' });
    const bad = await send(
      '/oauth/token',
      form({ ...client, grant_type: 'authorization_code', code, code_verifier: 'wrong' }),
    );
    expect(bad.status).toBe(401);
    const code2 = await codeFrom(send, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const good = await send(
      '/oauth/token',
      form({ ...client, grant_type: 'authorization_code', code: code2, code_verifier: verifier }),
    );
    expect(good.status).toBe(200);
  });

  it('escapes what it shows on the authorization page', async () => {
    const { send } = sandboxUnderTest();
    const page = await send(authorize({ state: '"><script>alert(1)</script>' }), {
      token: null,
      version: null,
    });
    expect(String(page.json)).not.toContain('<script>alert(1)</script>');
  });
});
