import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { createSandboxFetch } from '../../../sandbox/sandbox-fetch';
import { GhlError } from '../ghl-error';
import {
  backoffDelay,
  isRequestNotSent,
  mayRetry,
  OUTBOX_CALL,
  OUTBOX_WRITE,
  SYNC_CONTACT,
  type RetryPolicy,
} from '../retry-policy';

const SAM = 'sbxContSamLee0000001';
const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

describe('backoff with full jitter', () => {
  it.each([
    [0, 500],
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [9, 8_000],
  ])('retry %i waits between 0 and %i ms', (attempt, ceiling) => {
    expect(backoffDelay(attempt, policy, () => 0)).toBe(0);
    expect(backoffDelay(attempt, policy, () => 0.999_999)).toBe(ceiling - 1);
    for (let i = 0; i < 50; i += 1) {
      const delay = backoffDelay(attempt, policy);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceiling);
    }
  });
});

describe('the named policies share one formula', () => {
  it.each([
    [0, 1_000, 2_000],
    [1, 2_000, 4_000],
    [8, 256_000, 512_000],
    [9, 300_000, 600_000],
    [20, 300_000, 600_000],
  ])('an outbox write waits, before retry %i, half fixed and half random', (attempt, low, high) => {
    expect(backoffDelay(attempt, OUTBOX_WRITE, () => 0)).toBe(low);
    expect(backoffDelay(attempt, OUTBOX_WRITE, () => 1)).toBe(high);
  });

  it.each([
    [0, 60_000],
    [1, 120_000],
    [5, 1_920_000],
  ])('a failed contact sync waits, before retry %i, exactly %i ms', (attempt, delay) => {
    expect(backoffDelay(attempt, SYNC_CONTACT, () => 0.3)).toBe(delay);
  });
});

describe('what may be retried', () => {
  const error = (kind: GhlError['kind']) => new GhlError(kind, 'X');
  it.each([
    ['server', true, false, true],
    ['network', true, false, true],
    ['timeout', true, false, true],
    ['rate-limited', true, false, true],
    ['validation', true, false, false],
    ['not-found', true, false, false],
    ['server', false, false, false],
    ['timeout', false, false, false],
    ['network', false, false, false],
    ['network', false, true, true],
    ['rate-limited', false, false, true],
  ] as const)('%s, idempotent %s, not sent %s → %s', (kind, idempotent, notSent, expected) => {
    expect(mayRetry(error(kind), idempotent, notSent)).toBe(expected);
  });

  it.each([
    ['server', false, false],
    ['timeout', false, false],
    ['network', false, false],
    ['network', true, true],
    ['rate-limited', false, true],
  ] as const)('for the outbox, a PUT: %s, not sent %s → %s', (kind, notSent, expected) => {
    // The outbox owns retrying: the client repeats only what GHL provably did not act on.
    expect(mayRetry(error(kind), true, notSent, 'refused')).toBe(expected);
  });

  it('knows a refused connection never sent the request', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(isRequestNotSent(refused)).toBe(true);
    expect(isRequestNotSent(new TypeError('Failed to fetch'))).toBe(false);
  });
});

describe('retries against the Sandbox, on a fake clock', () => {
  function setup() {
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    const { client } = sandboxClient(sandbox, { clock: fake.clock, retry: policy });
    return { fake, sandbox, client };
  }

  it('retries a read after 5xx with delays inside the backoff bounds', async () => {
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    const arrivals: number[] = [];
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      retry: policy,
      random: Math.random,
      // The retry policy's own delays: the circuit breaker (which opens after 3 failures) aside.
      limiterOptions: { circuit: { threshold: 10 } },
      fetch: (input, init) => {
        arrivals.push(fake.now());
        return createSandboxFetch(sandbox)(input, init);
      },
    });
    sandbox.state.faults.arm({ failNext: { count: 3, status: 502 } });
    await expect(fake.run(client.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    expect(arrivals).toHaveLength(4);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    gaps.forEach((gap, i) => expect(gap).toBeLessThan(policy.baseDelayMs * 2 ** i + 1));
  });

  it('gives up after maxAttempts and reports the last failure', async () => {
    const { fake, sandbox, client } = setup();
    sandbox.state.faults.arm({ failNext: { count: 10 } });
    await expect(fake.run(client.tasks.list(SAM))).rejects.toMatchObject({ kind: 'server' });
    expect(sandbox.state.counters.byEndpoint['GET /contacts/:contactId/tasks']).toBe(4);
  });

  it('does not send a POST again after a 5xx: the outbox must reconcile', async () => {
    const { fake, sandbox, client } = setup();
    sandbox.state.faults.arm({ failNext: { count: 1 } });
    const created = fake.run(
      client.tasks.create(SAM, {
        title: 'Once',
        dueDate: '2026-12-01T00:00:00Z',
        completed: false,
      }),
    );
    await expect(created).rejects.toMatchObject({ kind: 'outcome-unknown' });
    expect(sandbox.state.counters.byEndpoint['POST /contacts/:contactId/tasks']).toBe(1);
  });

  it('does not send a POST again when the connection dropped after GHL applied it', async () => {
    const { fake, sandbox, client } = setup();
    const before = [...sandbox.state.data.notes.values()].length;
    sandbox.state.faults.arm({ dropNext: { count: 1, afterApply: true } });
    await expect(fake.run(client.notes.create(SAM, { body: 'x' }))).rejects.toMatchObject({
      kind: 'outcome-unknown',
    });
    // Applied exactly once: a blind retry would have made two.
    expect(sandbox.state.data.notes.size).toBe(before + 1);
  });

  it('retries a POST after a 429: GHL refused it, nothing was applied', async () => {
    const { fake, sandbox, client } = setup();
    sandbox.state.faults.arm({ rateLimitStorm: { durationMs: 1, retryAfterSeconds: 2 } });
    await expect(fake.run(client.notes.create(SAM, { body: 'after 429' }))).resolves.toMatchObject({
      body: 'after 429',
    });
    expect(sandbox.state.counters.byEndpoint['POST /contacts/:contactId/notes']).toBe(2);
  });

  it('retries a POST whose connection was refused', async () => {
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    let refusals = 1;
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      fetch: (input, init) => {
        if (refusals-- > 0) {
          const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
          return Promise.reject(new TypeError('fetch failed', { cause }));
        }
        return createSandboxFetch(sandbox)(input, init);
      },
    });
    await expect(fake.run(client.notes.create(SAM, { body: 'retried' }))).resolves.toMatchObject({
      body: 'retried',
    });
  });

  it("does not repeat the outbox's PUT after a 5xx: the outbox owns retrying it", async () => {
    const { fake, sandbox, client } = setup();
    const task = await fake.run(
      client.tasks.create(SAM, { title: 'T', dueDate: '2026-12-01T00:00:00Z', completed: false }),
    );
    sandbox.state.faults.arm({ failNext: { count: 1 } });
    await expect(
      fake.run(client.tasks.setCompleted(SAM, task.id, true, { retry: OUTBOX_CALL })),
    ).rejects.toMatchObject({ kind: 'server' });
    expect(
      sandbox.state.counters.byEndpoint['PUT /contacts/:contactId/tasks/:taskId/completed'],
    ).toBe(1);
  });

  it("repeats the outbox's call after a 429: GHL refused it, nothing was applied", async () => {
    const { fake, sandbox, client } = setup();
    sandbox.state.faults.arm({ rateLimitStorm: { durationMs: 1, retryAfterSeconds: 2 } });
    await expect(
      fake.run(client.notes.create(SAM, { body: 'after 429' }, { retry: OUTBOX_CALL })),
    ).resolves.toMatchObject({ body: 'after 429' });
    expect(sandbox.state.counters.byEndpoint['POST /contacts/:contactId/notes']).toBe(2);
  });

  // A DELETE whose first try landed answers 404 on the retry: callers treat that as done.
  it('retries PUT and DELETE: sending them twice is harmless', async () => {
    const { fake, sandbox, client } = setup();
    const task = await fake.run(
      client.tasks.create(SAM, { title: 'T', dueDate: '2026-12-01T00:00:00Z', completed: false }),
    );
    sandbox.state.faults.arm({ failNext: { count: 1 } });
    await expect(fake.run(client.tasks.setCompleted(SAM, task.id, true))).resolves.toMatchObject({
      completed: true,
    });
    sandbox.state.faults.arm({ dropNext: { count: 1, afterApply: true } });
    await expect(fake.run(client.tasks.delete(SAM, task.id))).rejects.toMatchObject({
      kind: 'not-found',
    });
    expect(sandbox.state.data.tasks.has(task.id)).toBe(false);
    expect(sandbox.state.counters.byEndpoint['DELETE /contacts/:contactId/tasks/:taskId']).toBe(2);
  });
});
