import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../scripts/sandbox-server';
import { trafficEntry } from '../traffic-log';
import { sandboxUnderTest } from './sandbox-requests';

const control = { token: null, version: null } as const;

describe('control API guard', () => {
  let server: SandboxServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each([
    ['a form', 'application/x-www-form-urlencoded'],
    ['text', 'text/plain'],
    ['no type', undefined],
  ])('refuses a change sent as %s with 415, changing nothing', async (_, type) => {
    const { send } = sandboxUnderTest();
    const answer = await send('/__sandbox/tokens/revoke', {
      ...control,
      method: 'POST',
      headers: type ? { 'content-type': type } : {},
      body: JSON.stringify({ token: 'x' }),
    });
    expect(answer.status).toBe(415);
    const faults = await send('/__sandbox/faults', {
      ...control,
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"status500Next":3}',
    });
    expect(faults.status).toBe(415);
    expect((await send('/__sandbox/', control)).json).toMatchObject({ faults: {} });
  });

  it('answers control calls on a loopback Host only (DNS rebinding)', async () => {
    server = await startSandboxServer({});
    const port = new URL(server.url).port;
    // node:http, since fetch sets Host itself.
    const ask = (host: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        request(`${server!.url}/__sandbox/counters`, { headers: { Host: host } }, (response) => {
          response.resume();
          resolve(response.statusCode);
        })
          .on('error', reject)
          .end();
      });
    expect(await ask(`127.0.0.1:${port}`)).toBe(200);
    expect(await ask(`localhost:${port}`)).toBe(200);
    expect(await ask(`evil.example:${port}`)).toBe(403);
    expect(await ask('127.0.0.1.evil.example')).toBe(403);
  });
});

describe('traffic log masking', () => {
  const entry = (init: { path: string; headers?: Record<string, string>; body?: string }) =>
    trafficEntry({
      method: 'POST',
      url: new URL(`https://services.leadconnectorhq.com${init.path}`),
      headers: new Headers(init.headers),
      bodyText: init.body ?? '',
      status: 200,
      responseText: JSON.stringify({
        data: [{ access_token: 'at-SECRET', nested: { refreshToken: 'rt-SECRET' } }],
        name: 'kept',
      }),
    });

  it('masks secrets in every header, the query and nested body and answer fields', () => {
    const logged = entry({
      path: '/contacts/?access_token=q-SECRET&code=c-SECRET&query=kept',
      headers: {
        Authorization: 'Bearer h-SECRET',
        'X-Api-Key': 'k-SECRET',
        Cookie: 'session=s-SECRET',
        Version: '2021-07-28',
      },
      body: JSON.stringify({
        name: 'kept',
        auth: { client_secret: 'cs-SECRET', list: [{ refresh_token: 'rt-SECRET' }] },
        code: 'oc-SECRET',
      }),
    });
    const text = JSON.stringify(logged);
    expect(text).not.toMatch(/SECRET/);
    expect(logged.headers).toMatchObject({
      authorization: 'Bearer ***',
      'x-api-key': '***',
      cookie: '***',
      version: '2021-07-28',
    });
    expect(logged.path).toBe('/contacts/?access_token=***&code=***&query=kept');
    expect(logged.body).toMatchObject({ name: 'kept', code: '***' });
    expect(logged.response).toMatchObject({ name: 'kept' });
  });

  it('masks a form body on any path, and an answer cut off mid-way', () => {
    const logged = trafficEntry({
      method: 'POST',
      url: new URL('https://services.leadconnectorhq.com/oauth/other'),
      headers: new Headers(),
      bodyText: 'client_id=kept&client_secret=cs-SECRET&refresh_token=rt-SECRET',
      status: 200,
      responseText: '{"access_token":"at-SECRET","userType":"Location","refresh_to',
    });
    expect(JSON.stringify(logged)).not.toMatch(/SECRET/);
    expect(logged.body).toBe('client_id=kept&client_secret=***&refresh_token=***');
  });
});
