import { getEventListeners, setMaxListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import type { TrafficEntry } from '../../../sandbox/traffic-log';
import { createOAuthTokenProvider } from '../oauth-token-provider';
import { GhlError } from '../ghl-error';

const SAM = 'sbxContSamLee0000001';

function setup(options: { contactsTraffic?: TrafficEntry[] } = {}) {
  const fake = createFakeClock();
  const traffic = options.contactsTraffic ?? [];
  const sandbox = createSandbox({ clock: fake.clock, onTraffic: (e) => traffic.push(e) });
  const { client, limiter } = sandboxClient(sandbox, { clock: fake.clock });
  return { fake, sandbox, client, limiter, traffic };
}

/** Every string reachable from a value, own non-enumerable properties and causes included. */
function reachableStrings(value: unknown, seen = new Set<unknown>(), depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object' || seen.has(value) || depth > 8) return [];
  seen.add(value);
  return Object.getOwnPropertyNames(value).flatMap((key) => {
    let child: unknown;
    try {
      child = (value as Record<string, unknown>)[key];
    } catch {
      return [];
    }
    return reachableStrings(child, seen, depth + 1);
  });
}

describe('the request pipeline at its edges', () => {
  it('sends Version, Authorization and Accept on every call', async () => {
    const { fake, client, traffic } = setup();
    await fake.run(client.contacts.get(SAM));
    await fake.run(client.notes.create(SAM, { body: 'x' }));
    for (const entry of traffic) {
      expect(entry.headers).toMatchObject({
        version: '2021-07-28',
        authorization: 'Bearer ***',
        accept: 'application/json',
      });
    }
  });

  it.each(['..', '.', '', 'a/b', 'x?y=1', '%2e%2e'])(
    'refuses the id %j before sending: it could change the path',
    async (id) => {
      const { fake, client, sandbox } = setup();
      const error = await fake.run(client.tasks.delete(SAM, id)).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'validation', message: expect.stringMatching(/taskId/) });
      expect(sandbox.state.counters.total).toBe(0);
      expect(sandbox.state.data.contacts.has(SAM)).toBe(true);
    },
  );

  it('says plainly when a request was refused locally, not by GHL', async () => {
    const { fake, client } = setup();
    const error = await fake
      .run(client.contacts.list({ locationId: 'x', limit: 500 }))
      .catch((e: unknown) => e as GhlError);
    expect(error).toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/^Not sent to GHL/),
    });
  });

  it('times out even when fetch ignores the abort, and frees its rate-limit slot', async () => {
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    const { client, limiter } = sandboxClient(sandbox, {
      clock: fake.clock,
      timeoutMs: 1_000,
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      fetch: () => new Promise<Response>(() => {}),
    });
    const calls = Array.from({ length: 8 }, () =>
      client.contacts.get(SAM).catch((e: unknown) => e),
    );
    const errors = await fake.run(Promise.all(calls));
    expect(errors.every((e) => (e as GhlError).kind === 'timeout')).toBe(true);
    expect(limiter.pending()).toEqual({ user: 0, background: 0 });
  });

  it('leaves no listeners on a long-lived signal', async () => {
    const { fake, client } = setup();
    const controller = new AbortController();
    setMaxListeners(50, controller.signal); // 20 at once is the point; none may stay
    await fake.run(
      Promise.all(
        Array.from({ length: 20 }, () => client.contacts.get(SAM, { signal: controller.signal })),
      ),
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('a create whose 2xx answer cannot be read is "outcome unknown": GHL applied it', async () => {
    const { fake, client, sandbox } = setup();
    sandbox.state.faults.arm({ malformedNext: 1 });
    const before = sandbox.state.data.notes.size;
    await expect(fake.run(client.notes.create(SAM, { body: 'x' }))).rejects.toMatchObject({
      kind: 'outcome-unknown',
    });
    expect(sandbox.state.data.notes.size).toBe(before + 1);
  });

  it('a create abandoned after it left is "outcome unknown"; a read abandoned is an abort', async () => {
    const { fake, client, sandbox } = setup();
    sandbox.state.faults.arm({ latencyMs: 2_000 });
    const before = sandbox.state.data.notes.size;
    const controller = new AbortController();
    const settle = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);
    const created = settle(client.notes.create(SAM, { body: 'x' }, { signal: controller.signal }));
    const read = settle(client.contacts.get(SAM, { signal: controller.signal }));
    await fake.advance(1_000);
    controller.abort(new DOMException('closed the panel', 'AbortError'));
    expect(await fake.run(created)).toMatchObject({ kind: 'outcome-unknown' });
    expect(await fake.run(read)).toMatchObject({ name: 'AbortError' });
    await fake.advance(2_000);
    expect(sandbox.state.data.notes.size).toBe(before + 1);
  });

  it('does not wait out a long Retry-After: it refuses at once, saying when to try again', async () => {
    const { fake, client, sandbox } = setup();
    sandbox.state.faults.arm({ rateLimitStorm: { durationMs: 1, retryAfterSeconds: 3_600 } });
    const start = fake.now();
    const error = await fake.run(client.contacts.get(SAM)).catch((e: unknown) => e as GhlError);
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 3_600_000 });
    expect(fake.now() - start).toBeLessThan(10_000);
    // The whole location waits: the next call is refused without being sent.
    await expect(fake.run(client.tasks.list(SAM))).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(sandbox.state.counters.total).toBe(1);
  });

  it('recovers when the day turns after the daily limit was spent', async () => {
    const { fake, client, sandbox } = setup();
    sandbox.state.buckets.configure({ dailyLimit: 2 });
    await fake.run(client.contacts.get(SAM));
    await fake.run(client.contacts.get(SAM));
    await expect(fake.run(client.contacts.get(SAM))).rejects.toMatchObject({
      kind: 'rate-limited',
    });
    await fake.advance(24 * 3_600_000);
    await expect(fake.run(client.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
  });

  it('uses the token current when the call leaves the queue, not when it was made', async () => {
    const { fake, sandbox } = setup();
    let token: string = SANDBOX_TOKENS.readWrite;
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      tokens: { getAccessToken: async () => token },
      limiterOptions: { maxInFlight: 1 },
    });
    sandbox.state.buckets.configure({ max: 1 });
    const first = client.contacts.get(SAM);
    const queued = client.contacts.get(SAM);
    await fake.run(first);
    // Rotated while the second call waits 10 s for the rate limit.
    token = sandbox.state.auth.mint({ label: 'rotated' });
    sandbox.state.auth.revoke(SANDBOX_TOKENS.readWrite);
    await expect(fake.run(queued)).resolves.toMatchObject({ id: SAM });
    expect(sandbox.state.counters.byToken).toEqual({ 'pit:readwrite': 1, rotated: 1 });
  });

  it('keeps tokens out of errors, their causes included', async () => {
    const secret = 'pit-very-secret-token-value-123';
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    const failing = (reason: 'network' | 'timeout') =>
      sandboxClient(sandbox, {
        clock: fake.clock,
        token: secret,
        timeoutMs: 1_000,
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
        fetch:
          reason === 'network'
            ? () => Promise.reject(new TypeError('Failed to fetch'))
            : () => new Promise<Response>(() => {}),
      }).client;
    for (const reason of ['network', 'timeout'] as const) {
      const error = await fake.run(failing(reason).contacts.get(SAM)).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: reason });
      expect(reachableStrings(error).join('\n')).not.toContain(secret);
    }
    const refused = await fake
      .run(sandboxClient(sandbox, { clock: fake.clock, token: secret }).client.contacts.get(SAM))
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'unauthorized' });
    expect(reachableStrings(refused).join('\n')).not.toContain(secret);
  });

  it('keeps using a still-valid token when refreshing ahead of expiry fails for a passing reason', async () => {
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    const provider = createOAuthTokenProvider({
      clock: fake.clock,
      credentials: { clientId: 'c', clientSecret: 's' },
      oauth: {
        exchangeCode: () => Promise.reject(new Error('unused')),
        refresh: () => Promise.reject(new GhlError('network', 'POST /oauth/token')),
      },
      store: {
        load: async () => ({
          accessToken: SANDBOX_TOKENS.readWrite,
          refreshToken: 'r',
          expiresAt: fake.now() + 60_000,
          scopes: [],
        }),
        save: async () => {},
      },
    });
    const { client } = sandboxClient(sandbox, { clock: fake.clock, tokens: provider });
    await expect(fake.run(client.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
  });
});
