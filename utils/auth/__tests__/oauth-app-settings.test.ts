import { describe, expect, it } from 'vitest';
import { ConnectError } from '../connect-error';
import type { OAuthApp } from '../connection-records';
import { changedOAuthApp, oauthAppView, type OAuthAppChange } from '../oauth-app-settings';

const stored: OAuthApp = {
  clientId: 'client-1',
  exchange: 'secret',
  clientSecret: 'stored-secret',
};
const change = (fields: Partial<OAuthAppChange>): OAuthAppChange => ({
  clientId: 'client-1',
  exchange: 'broker',
  brokerUrl: 'https://broker.example.com',
  ...fields,
});

describe('changedOAuthApp', () => {
  it.each<[string, OAuthApp | undefined, OAuthAppChange, OAuthApp]>([
    [
      'a broker setup, trimmed, without a trailing slash',
      undefined,
      change({ clientId: '  client-2 ', brokerUrl: ' https://broker.example.com/ ' }),
      { clientId: 'client-2', exchange: 'broker', brokerUrl: 'https://broker.example.com' },
    ],
    [
      'a broker on this machine over http',
      undefined,
      change({ brokerUrl: 'http://127.0.0.1:8787' }),
      { clientId: 'client-1', exchange: 'broker', brokerUrl: 'http://127.0.0.1:8787' },
    ],
    [
      'a new secret',
      undefined,
      change({ exchange: 'secret', brokerUrl: '', clientSecret: ' new-secret ' }),
      { clientId: 'client-1', exchange: 'secret', clientSecret: 'new-secret' },
    ],
    [
      'no secret field: the stored one is kept',
      stored,
      change({ exchange: 'secret', brokerUrl: '' }),
      { clientId: 'client-1', exchange: 'secret', clientSecret: 'stored-secret' },
    ],
    [
      'switching to the broker forgets the stored secret',
      stored,
      change({}),
      { clientId: 'client-1', exchange: 'broker', brokerUrl: 'https://broker.example.com' },
    ],
  ])('accepts %s', (_name, current, input, expected) => {
    const app = changedOAuthApp(current, input);
    expect(Object.fromEntries(Object.entries(app).filter(([, v]) => v !== undefined))).toEqual(
      expected,
    );
  });

  it.each<[string, OAuthApp | undefined, OAuthAppChange, RegExp]>([
    ['no client id', undefined, change({ clientId: '  ' }), /client id/],
    ['the broker exchange without a URL', undefined, change({ brokerUrl: '' }), /broker URL/],
    ['a broker URL that is not a URL', undefined, change({ brokerUrl: 'broker' }), /not a URL/],
    [
      'a plain-http broker elsewhere',
      undefined,
      change({ brokerUrl: 'http://broker.example.com' }),
      /https/,
    ],
    [
      'a broker URL with a user',
      undefined,
      change({ brokerUrl: 'https://u:p@b.example.com' }),
      /user name/,
    ],
    [
      'a broker URL with a query',
      undefined,
      change({ brokerUrl: 'https://b.example.com?x=1' }),
      /query/,
    ],
    ['a javascript: URL', undefined, change({ brokerUrl: 'javascript:alert(1)' }), /https/],
    [
      'the secret exchange without a secret',
      undefined,
      change({ exchange: 'secret', brokerUrl: '' }),
      /client secret/,
    ],
    [
      'the secret exchange with a blank secret',
      stored,
      change({ exchange: 'secret', clientSecret: '   ' }),
      /client secret/,
    ],
  ])('refuses %s', (_name, current, input, message) => {
    const run = () => changedOAuthApp(current, input);
    expect(run).toThrow(ConnectError);
    expect(run).toThrow(message);
  });
});

describe('oauthAppView', () => {
  it('says whether a secret is stored, never what it is', () => {
    const view = oauthAppView(stored, 'https://x.chromiumapp.org/', 'chrome-extension://x');
    expect(view).toEqual({
      clientId: 'client-1',
      exchange: 'secret',
      brokerUrl: '',
      hasClientSecret: true,
      redirectUri: 'https://x.chromiumapp.org/',
      extensionOrigin: 'chrome-extension://x',
    });
    expect(JSON.stringify(view)).not.toContain('stored-secret');
  });

  it('shows an empty broker setup when nothing is stored', () => {
    expect(oauthAppView(undefined, 'r', 'chrome-extension://x')).toEqual({
      clientId: '',
      exchange: 'broker',
      brokerUrl: '',
      hasClientSecret: false,
      redirectUri: 'r',
      extensionOrigin: 'chrome-extension://x',
    });
  });
});
