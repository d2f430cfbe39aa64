import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../capped-body';
import { createTokenBroker } from '../token-broker';
import {
  brokerUnderTest,
  CLIENT_ID,
  CLIENT_SECRET,
  ORIGIN,
  REDIRECT_URI,
  type BrokerCall,
} from './broker-harness';

const REFRESH = { client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'sbx-rt-x' };
const CODE = {
  client_id: CLIENT_ID,
  grant_type: 'authorization_code',
  code: 'sbx-code-x',
  redirect_uri: REDIRECT_URI,
};

describe('origins', () => {
  it.each([
    ['a missing Origin', null, 'Origin header missing: only the extension may use this broker'],
    ['another extension', 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba', undefined],
    ['a web page', 'https://evil.example', undefined],
    ['a trailing slash', `${ORIGIN}/`, undefined],
    ['other letter case', ORIGIN.toUpperCase(), undefined],
    ['a longer id', `${ORIGIN}x`, undefined],
    ['"null"', 'null', undefined],
  ])('refuses %s with 403, forwarding nothing', async (_, origin, message) => {
    const { send, forwarded, traffic } = brokerUnderTest();
    for (const method of ['POST', 'OPTIONS']) {
      const answer = await send({ origin, method, body: method === 'POST' ? REFRESH : undefined });
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual({
        statusCode: 403,
        message: message ?? 'Origin not allowed by this broker',
      });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(forwarded).toEqual([]);
    expect(traffic).toEqual([]);
  });

  it('answers the preflight of an allowed origin', async () => {
    const { send, forwarded } = brokerUnderTest();
    const answer = await send({ method: 'OPTIONS' });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'Content-Type',
      vary: 'Origin',
    });
    expect(forwarded).toEqual([]);
  });

  it.each([['*'], ['chrome-extension://*'], [`${ORIGIN}/`], ['null'], ['abc']])(
    'will not be created with %s as an allowed origin',
    (origin) => {
      const options = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
      expect(() => createTokenBroker({ ...options, allowedOrigins: [ORIGIN, origin] })).toThrow(
        /createTokenBroker: /,
      );
    },
  );
});

describe('refused requests, none of them forwarded', () => {
  const oversized = { ...REFRESH, refresh_token: 'x'.repeat(MAX_BODY_BYTES) };
  const cases: [string, BrokerCall, number, string][] = [
    [
      'another path',
      { path: '/oauth/token/', body: REFRESH },
      404,
      'Not found: this broker serves only POST /oauth/token',
    ],
    [
      'the root',
      { path: '/', method: 'GET' },
      404,
      'Not found: this broker serves only POST /oauth/token',
    ],
    ['GET', { method: 'GET' }, 405, 'Method GET not allowed: use POST'],
    ['PUT', { method: 'PUT', body: REFRESH }, 405, 'Method PUT not allowed: use POST'],
    [
      'a JSON body',
      { body: JSON.stringify(REFRESH), contentType: 'application/json' },
      400,
      'Content-Type must be application/x-www-form-urlencoded',
    ],
    ['an oversized body', { body: oversized }, 413, 'Request body is too large'],
    [
      'a client_secret',
      { body: { ...REFRESH, client_secret: CLIENT_SECRET } },
      400,
      'client_secret must not be sent: the broker adds the secret it holds',
    ],
    [
      'an undocumented field',
      { body: { ...CODE, code_verifier: CLIENT_SECRET } },
      400,
      `Unknown field "code_verifier": GHL's token endpoint documents only client_id, grant_type, code, refresh_token, user_type, redirect_uri`,
    ],
    [
      'a repeated field',
      { body: `${new URLSearchParams(REFRESH)}&client_id=${CLIENT_ID}` },
      400,
      'Field "client_id" is given more than once',
    ],
    [
      'another client_id',
      { body: { ...REFRESH, client_id: 'someone-else' } },
      400,
      'client_id is not the client this broker serves',
    ],
    [
      'no client_id',
      { body: { grant_type: 'refresh_token', refresh_token: 'x' } },
      400,
      'client_id is required',
    ],
    [
      'client_credentials',
      { body: { ...REFRESH, grant_type: 'client_credentials' } },
      400,
      'grant_type must be authorization_code or refresh_token',
    ],
    [
      'no grant_type',
      { body: { client_id: CLIENT_ID, refresh_token: 'x' } },
      400,
      'grant_type must be authorization_code or refresh_token',
    ],
    [
      'no code',
      { body: { ...CODE, code: '' } },
      400,
      'code is required for the authorization_code grant',
    ],
    [
      'no redirect_uri',
      { body: { client_id: CLIENT_ID, grant_type: 'authorization_code', code: 'c' } },
      400,
      'redirect_uri is required for the authorization_code grant',
    ],
    [
      'no refresh_token',
      { body: { client_id: CLIENT_ID, grant_type: 'refresh_token' } },
      400,
      'refresh_token is required for the refresh_token grant',
    ],
    [
      'a code on a refresh',
      { body: { ...REFRESH, code: 'c' } },
      400,
      'code does not belong to the refresh_token grant',
    ],
    [
      'an unknown user_type',
      { body: { ...REFRESH, user_type: 'Agency' } },
      400,
      'user_type must be Location',
    ],
  ];

  it.each(cases)('refuses %s', async (_, call, status, message) => {
    const { send, forwarded, traffic } = brokerUnderTest();
    const answer = await send(call);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ statusCode: status, message });
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    if (status === 405) expect(answer.headers.get('allow')).toBe('OPTIONS, POST');
    expect(forwarded).toEqual([]);
    expect(traffic).toEqual([]);
  });
});
