import { expect } from 'vitest';
import { GHL_API_BASE } from '../../utils/ghl/api-constants';
import { systemClock } from '../../utils/clock';
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import { SANDBOX_LOCATION, SANDBOX_OAUTH_CLIENT } from '../../sandbox/sandbox-fixtures';
import { createSandbox, type Sandbox } from '../../sandbox/sandbox-handler';
import type { TrafficEntry } from '../../sandbox/traffic-log';
import { createTokenBroker, type TokenBrokerOptions } from '../token-broker';

/** The extension's origin in these tests, and the redirect URI Chrome gives it. */
export const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } = SANDBOX_OAUTH_CLIENT;
export const FORM = 'application/x-www-form-urlencoded';

/** Fails the test if the client secret is anywhere in an answer, headers included. */
export function expectNoSecret(headers: Headers, text: string): void {
  expect(text).not.toContain(CLIENT_SECRET);
  for (const [name, value] of headers) expect(`${name}: ${value}`).not.toContain(CLIENT_SECRET);
}

/**
 * Approves the Sandbox's authorization page for the seeded location, as a person would, and
 * returns the code it redirects back with (the same steps as exchangeCode in
 * sandbox/__tests__/sandbox-review-cases.test.ts, stopping before the exchange).
 */
export async function approveInSandbox(
  sandbox: Sandbox,
  redirectUri = REDIRECT_URI,
): Promise<string> {
  const approval = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    scope: 'contacts.readonly contacts.write',
    state: 's1',
    locationId: SANDBOX_LOCATION.id,
  });
  const approved = await sandbox.handle(
    new Request(`${GHL_API_BASE}/v2/oauth/chooselocation/approve?${approval}`),
  );
  const code = new URL(approved.headers.get('location') ?? '').searchParams.get('code');
  if (!code) throw new Error(`Setup failed: approval answered ${approved.status} without a code`);
  return code;
}

/** One request to the broker; every field has the extension's value unless given. */
export interface BrokerCall {
  path?: string;
  method?: string;
  /** null sends no Origin header. */
  origin?: string | null;
  contentType?: string;
  body?: Record<string, string> | string;
  /** The client's IP address, as the server in front of the broker tells it. */
  ip?: string;
}

/**
 * A broker in front of an in-process Sandbox GHL, recording what it forwards. `send` checks
 * every answer for the client secret before a test sees it.
 */
export function brokerUnderTest(options: Partial<TokenBrokerOptions> = {}) {
  const traffic: TrafficEntry[] = [];
  const sandbox = createSandbox({ clock: systemClock, onTraffic: (e) => traffic.push(e) });
  const sandboxFetch = createSandboxFetch(sandbox);
  /** Each forwarded request: URL, Content-Type and form fields. */
  const forwarded: { url: string; contentType: string | null; fields: Record<string, string> }[] =
    [];
  /** The Sandbox's answer to each forwarded request, as it sent it. */
  const upstreamAnswers: { status: number; text: string }[] = [];
  const upstream: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    forwarded.push({
      url: request.url,
      contentType: request.headers.get('content-type'),
      fields: Object.fromEntries(new URLSearchParams(await request.clone().text())),
    });
    const response = await sandboxFetch(request);
    upstreamAnswers.push({ status: response.status, text: await response.clone().text() });
    return response;
  };
  const broker = createTokenBroker({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    allowedOrigins: [ORIGIN],
    fetch: upstream,
    ...options,
  });

  async function send(call: BrokerCall = {}) {
    const headers = new Headers();
    const origin = call.origin === undefined ? ORIGIN : call.origin;
    if (origin !== null) headers.set('Origin', origin);
    const method = call.method ?? 'POST';
    if (call.body !== undefined) headers.set('Content-Type', call.contentType ?? FORM);
    const body =
      typeof call.body === 'string' || call.body === undefined
        ? call.body
        : new URLSearchParams(call.body).toString();
    const response = await broker.handle(
      new Request(`https://broker.example.com${call.path ?? '/oauth/token'}`, {
        method,
        headers,
        body,
      }),
      { ip: call.ip },
    );
    const text = await response.text();
    expectNoSecret(response.headers, text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: response.status,
      headers: response.headers,
      text,
      // Tests walk answers freely; their assertions are the type check.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      json: json as Record<string, any> | undefined,
    };
  }

  /** The extension's code exchange through the broker. */
  async function exchange(code: string) {
    return send({
      body: {
        client_id: CLIENT_ID,
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        user_type: 'Location',
      },
    });
  }

  /** The extension's refresh through the broker. */
  async function refresh(refreshToken: string) {
    return send({
      body: {
        client_id: CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        user_type: 'Location',
      },
    });
  }

  return { sandbox, broker, traffic, forwarded, upstreamAnswers, send, exchange, refresh };
}
