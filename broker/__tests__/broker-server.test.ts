import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../scripts/sandbox-server';
import { systemClock } from '../../utils/clock';
import { tokenResponseSchema } from '../../utils/ghl/schemas/oauth-schemas';
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import { createSandbox } from '../../sandbox/sandbox-handler';
import { MAX_BODY_BYTES } from '../capped-body';
import { startBrokerServer, type BrokerServer } from '../http-server';
import {
  approveInSandbox,
  CLIENT_ID,
  CLIENT_SECRET,
  expectNoSecret,
  FORM,
  ORIGIN,
  REDIRECT_URI,
} from './broker-harness';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real HTTP request to a broker, its answer checked for the secret. */
async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { Origin: ORIGIN, 'Content-Type': FORM, ...headers },
    body,
  });
  const text = await response.text();
  expectNoSecret(response.headers, text);
  return { status: response.status, headers: response.headers, text };
}

const exchangeBody = (code: string) =>
  new URLSearchParams({
    client_id: CLIENT_ID,
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    user_type: 'Location',
  }).toString();

describe('startBrokerServer', () => {
  it('answers real HTTP requests on 127.0.0.1 and logs no code or token', async () => {
    const sandbox = createSandbox({ clock: systemClock });
    const log: string[] = [];
    const server: BrokerServer = await startBrokerServer({
      broker: {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        allowedOrigins: [ORIGIN],
        fetch: createSandboxFetch(sandbox),
      },
      port: 0,
      log: (line) => log.push(line),
    });
    cleanups.push(() => server.close());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const preflight = await fetch(`${server.url}/oauth/token`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);

    const code = await approveInSandbox(sandbox);
    const answer = await post(server.url, exchangeBody(code));
    expect(answer.status).toBe(200);
    const tokens = tokenResponseSchema.parse(JSON.parse(answer.text));

    const refused = await post(server.url, exchangeBody(code), { Origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    const oversized = await post(server.url, 'x'.repeat(MAX_BODY_BYTES * 4));
    expect(oversized.status).toBe(413);

    expect(log).toEqual([
      'OPTIONS /oauth/token 204',
      'POST /oauth/token 200',
      'POST /oauth/token 403',
      'POST /oauth/token 413',
    ]);
    for (const secret of [code, tokens.access_token, tokens.refresh_token, CLIENT_SECRET]) {
      expect(log.join('\n')).not.toContain(secret);
    }
  });
});

/** Runs `npm run broker`'s entry point (tsx broker/server.ts) with only the given environment. */
function runServer(env: Record<string, string>) {
  const child = spawn('node_modules/.bin/tsx', ['broker/server.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('broker/server.ts', () => {
  it('exits with code 1, naming every missing variable and printing no secret', async () => {
    const run = runServer({ BROKER_CLIENT_SECRET: CLIENT_SECRET });
    expect(await run.exited).toBe(1);
    const { stdout, stderr } = run.output();
    expect(stderr).toContain('BROKER_CLIENT_ID is required');
    expect(stderr).toContain('BROKER_ALLOWED_ORIGINS is required');
    expect(stderr).not.toContain('BROKER_CLIENT_SECRET is required');
    expect(stdout + stderr).not.toContain(CLIENT_SECRET);
  }, 20_000);

  it('exits with code 1 on a wildcard origin', async () => {
    const run = runServer({
      BROKER_CLIENT_ID: CLIENT_ID,
      BROKER_CLIENT_SECRET: CLIENT_SECRET,
      BROKER_ALLOWED_ORIGINS: `${ORIGIN}, *`,
    });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toContain('BROKER_ALLOWED_ORIGINS: "*": wildcards are not allowed');
  }, 20_000);

  it('forwards a code exchange from a real HTTP request to GHL_TOKEN_URL', async () => {
    // Its traffic joins GHL_SANDBOX_LOG, so `npm test` checks what the broker forwarded against
    // GHL's OpenAPI file (strict body: an extra field would fail there).
    const ghl: SandboxServer = await startSandboxServer({
      port: 0,
      logFile: process.env.GHL_SANDBOX_LOG || undefined,
    });
    cleanups.push(() => ghl.close());
    const run = runServer({
      BROKER_CLIENT_ID: CLIENT_ID,
      BROKER_CLIENT_SECRET: CLIENT_SECRET,
      BROKER_ALLOWED_ORIGINS: `moz-extension://0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0, ${ORIGIN}`,
      PORT: '0',
      GHL_TOKEN_URL: `${ghl.url}/oauth/token`,
    });
    cleanups.push(async () => {
      if (run.child.exitCode === null) run.child.kill('SIGTERM');
      return run.exited;
    });
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(run.output().stdout)?.[1]);

    const code = await approveInSandbox(ghl.sandbox);
    const answer = await post(url, exchangeBody(code));
    expect(answer.status).toBe(200);
    expect(tokenResponseSchema.parse(JSON.parse(answer.text)).access_token).toMatch(/^sbx-at-/);
    await waitFor(() =>
      run.output().stdout.includes('POST /oauth/token 200') ? 'logged' : undefined,
    );
    expect(run.output().stdout + run.output().stderr).not.toContain(CLIENT_SECRET);
  }, 20_000);
});

/** Polls until `read` returns a value (the child printing a line), for at most 15 s. */
async function waitFor(read: () => string | undefined): Promise<string> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The broker did not print the awaited line within 15 s');
}
