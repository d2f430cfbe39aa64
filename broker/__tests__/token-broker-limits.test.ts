import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { brokerConfigFromEnv } from '../broker-config';
import { clientIp } from '../http-server';
import { DEFAULT_RATE_LIMITS } from '../token-broker';
import { brokerUnderTest, CLIENT_ID, ORIGIN, REDIRECT_URI } from './broker-harness';

const REFRESH = { client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'sbx-rt-x' };
const CODE = {
  client_id: CLIENT_ID,
  grant_type: 'authorization_code',
  code: 'sbx-code-x',
  redirect_uri: REDIRECT_URI,
};
const FIREFOX_REDIRECT = 'https://0123abcd.extensions.allizom.org/';

describe('redirect_uri', () => {
  it.each([
    ['another extension', 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/'],
    ['a web page', 'https://evil.example/callback'],
    ['a path under the extension', `${REDIRECT_URI}evil`],
    ['http', REDIRECT_URI.replace('https:', 'http:')],
  ])('refuses %s with 400, forwarding nothing', async (_, redirect) => {
    const { send, forwarded } = brokerUnderTest();
    const answer = await send({ body: { ...CODE, redirect_uri: redirect } });
    expect(answer.status).toBe(400);
    expect(answer.json?.message).toBe('redirect_uri is not an allowed extension redirect URL');
    expect(forwarded).toEqual([]);
  });

  it("forwards the allowed Chrome extension's own redirect and a configured Firefox one", async () => {
    const { send, forwarded } = brokerUnderTest({ redirectUris: [FIREFOX_REDIRECT] });
    await send({ body: CODE });
    await send({ body: { ...CODE, redirect_uri: FIREFOX_REDIRECT } });
    expect(forwarded.map((f) => f.fields.redirect_uri)).toEqual([REDIRECT_URI, FIREFOX_REDIRECT]);
  });
});

describe('user_type', () => {
  it('refuses Company, forwarding nothing, and forwards Location when none is sent', async () => {
    const { send, forwarded } = brokerUnderTest();
    const company = await send({ body: { ...REFRESH, user_type: 'Company' } });
    expect(company.status).toBe(400);
    expect(company.json?.message).toBe(
      'user_type must be Location: this broker grants location tokens only',
    );
    expect(forwarded).toEqual([]);
    await send({ body: REFRESH });
    expect(forwarded.map((f) => f.fields.user_type)).toEqual(['Location']);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the limit per IP, whatever the Origin, forwarding nothing more', async () => {
    let now = 1_000_000;
    const { send, forwarded } = brokerUnderTest({ now: () => now });
    const answers = [];
    for (let n = 0; n < DEFAULT_RATE_LIMITS.perIp + 5; n += 1) {
      // Forged origins count too: the limit is the address's.
      const origin = n % 2 === 0 ? ORIGIN : 'https://evil.example';
      answers.push(await send({ body: REFRESH, ip: '203.0.113.7', origin }));
    }
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.headers.get('retry-after')).toBe('60');
    expect(forwarded.length).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.perIp);

    // Another address is not held up; the same one may ask again once its window ended.
    expect((await send({ body: REFRESH, ip: '198.51.100.1' })).status).not.toBe(429);
    now += 30_000;
    const later = await send({ body: REFRESH, ip: '203.0.113.7' });
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('30');
    now += 30_000;
    expect((await send({ body: REFRESH, ip: '203.0.113.7' })).status).not.toBe(429);
  });

  it('limits each allowed origin across addresses', async () => {
    const { send, forwarded } = brokerUnderTest({ rateLimits: { perOrigin: 3 } });
    const statuses = [];
    for (let n = 0; n < 5; n += 1) {
      statuses.push((await send({ body: REFRESH, ip: `192.0.2.${n}` })).status);
    }
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(forwarded).toHaveLength(3);
  });
});

describe('the client address and the configuration', () => {
  const request = (remoteAddress: string, forwardedFor?: string) =>
    ({
      socket: { remoteAddress },
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    }) as unknown as IncomingMessage;

  it("takes the proxy's last X-Forwarded-For hop only when told to trust the proxy", () => {
    expect(clientIp(request('127.0.0.1', '6.6.6.6, 203.0.113.7'), true)).toBe('203.0.113.7');
    expect(clientIp(request('127.0.0.1', '6.6.6.6'), false)).toBe('127.0.0.1');
    expect(clientIp(request('192.0.2.9'), true)).toBe('192.0.2.9');
  });

  it('reads BROKER_REDIRECT_URIS and BROKER_TRUST_PROXY, refusing a redirect that is not an extension one', () => {
    const env = {
      BROKER_CLIENT_ID: 'id',
      BROKER_CLIENT_SECRET: 'secret',
      BROKER_ALLOWED_ORIGINS: ORIGIN,
    };
    const good = brokerConfigFromEnv({
      ...env,
      BROKER_REDIRECT_URIS: FIREFOX_REDIRECT,
      BROKER_TRUST_PROXY: '1',
    });
    expect(good.ok && good.config.broker.redirectUris).toEqual([FIREFOX_REDIRECT]);
    expect(good.ok && good.config.trustProxy).toBe(true);
    const bad = brokerConfigFromEnv({ ...env, BROKER_REDIRECT_URIS: 'https://evil.example/' });
    expect(bad.ok).toBe(false);
  });
});
