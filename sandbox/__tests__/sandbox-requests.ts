import { createFakeClock } from '../../test/support/fake-clock';
import { SANDBOX_TOKENS } from '../sandbox-fixtures';
import { createSandbox, type CreateSandboxOptions } from '../sandbox-handler';
import type { TrafficEntry } from '../traffic-log';

/** Options of one raw request to the Sandbox. */
export interface RawRequest {
  method?: string;
  token?: string | null;
  version?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A Sandbox on a fake clock and a way to send it raw requests, bad ones included: what GHL does
 * with a missing header or a stray field is exactly what these tests pin down.
 */
export function sandboxUnderTest(options: Partial<CreateSandboxOptions> = {}) {
  const fake = createFakeClock();
  const traffic: TrafficEntry[] = [];
  const sandbox = createSandbox({
    clock: fake.clock,
    onTraffic: (e) => traffic.push(e),
    ...options,
  });

  async function send(path: string, request: RawRequest = {}) {
    const headers = new Headers(request.headers);
    const version = request.version === undefined ? '2021-07-28' : request.version;
    if (version !== null) headers.set('Version', version);
    const token = request.token === undefined ? SANDBOX_TOKENS.readWrite : request.token;
    if (token !== null) headers.set('Authorization', `Bearer ${token}`);
    let body: string | undefined;
    if (typeof request.body === 'string') body = request.body;
    else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers.set('content-type', 'application/json');
    }
    const response = await sandbox.handle(
      new Request(`https://services.leadconnectorhq.com${path}`, {
        method: request.method ?? 'GET',
        headers,
        body,
      }),
    );
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return {
      status: response.status,
      headers: response.headers,
      // Tests walk answers freely (json.contact.id); their assertions are the type check.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      json: json as Record<string, any>,
    };
  }

  return { fake, sandbox, traffic, send };
}
