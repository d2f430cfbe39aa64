import { describe, expect, it } from 'vitest';
import { GHL_AUTHORIZE_URL } from '../../ghl/api-constants';
import { ConnectError } from '../connect-error';
import { authorizeUrl, codeFromRedirect, randomState } from '../oauth-authorization';

const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const STATE = 'expected-state-value';

describe('authorizeUrl', () => {
  it('asks GHL for exactly the documented parameters', () => {
    const url = new URL(
      authorizeUrl({
        clientId: 'client-1',
        redirectUri: REDIRECT_URI,
        scopes: ['contacts.readonly', 'contacts.write'],
        state: 'st&ate=1',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
    );
    expect(GHL_AUTHORIZE_URL).toBe('https://marketplace.gohighlevel.com/v2/oauth/chooselocation');
    expect([...url.searchParams.keys()].sort()).toEqual([
      'client_id',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
    ]);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: REDIRECT_URI,
      scope: 'contacts.readonly contacts.write',
      // Encoded, so a state with & or = cannot add parameters.
      state: 'st&ate=1',
    });
    expect(url.hash).toBe('');
  });
});

describe('randomState', () => {
  it('is long, URL-safe and different every time', () => {
    const states = Array.from({ length: 200 }, () => randomState());
    for (const state of states) {
      // 32 random bytes in base64url without padding: 43 characters.
      expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(new Set(states).size).toBe(states.length);
    // Not a counter or a timestamp: consecutive states share no long prefix.
    const [a, b] = states as [string, string];
    expect(a.slice(0, 8)).not.toBe(b.slice(0, 8));
    // Uses the whole alphabet, as random bytes would.
    expect(new Set(states.join('')).size).toBeGreaterThan(60);
  });
});

describe('codeFromRedirect', () => {
  const back = (params: Record<string, string>, base = REDIRECT_URI) =>
    `${base}?${new URLSearchParams(params)}`;

  it('returns the code of a good redirect', () => {
    expect(
      codeFromRedirect(back({ code: 'the-code', state: STATE }), {
        redirectUri: REDIRECT_URI,
        state: STATE,
      }),
    ).toBe('the-code');
  });

  it.each([
    ['state mismatch', back({ code: 'c', state: 'other-state' }), /state mismatch/],
    ['missing state', back({ code: 'c' }), /state mismatch/],
    ['empty state', back({ code: 'c', state: '' }), /state mismatch/],
    [
      'access denied',
      back({ error: 'access_denied', state: STATE }),
      /^Access was not granted in GHL\. Nothing was saved\.$/,
    ],
    [
      'another error, with its description',
      back({ error: 'invalid_scope', error_description: 'Scope not allowed', state: STATE }),
      /^GHL did not grant access: Scope not allowed\.$/,
    ],
    [
      'another error, without a description',
      back({ error: 'server_error', state: STATE }),
      /^GHL did not grant access: server_error\.$/,
    ],
    ['no code', back({ state: STATE }), /without an authorization code/],
    ['an empty code', back({ code: '', state: STATE }), /without an authorization code/],
    [
      'another origin',
      back({ code: 'c', state: STATE }, 'https://evil.example.com/'),
      /redirected somewhere unexpected/,
    ],
    [
      'another extension’s redirect host',
      back(
        { code: 'c', state: STATE },
        'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/',
      ),
      /redirected somewhere unexpected/,
    ],
    ['not a URL', 'not a url at all', /not a URL/],
    ['empty', '', /not a URL/],
  ])('refuses %s with a ConnectError', (_name, responseUrl, message) => {
    const run = () => codeFromRedirect(responseUrl, { redirectUri: REDIRECT_URI, state: STATE });
    expect(run).toThrow(ConnectError);
    expect(run).toThrow(message);
  });

  it('never echoes the code or state it refused', () => {
    const url = back({ code: 'secret-code-123', state: 'forged-state-456' });
    try {
      codeFromRedirect(url, { redirectUri: REDIRECT_URI, state: STATE });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toMatch(/secret-code-123|forged-state-456/);
    }
  });
});
