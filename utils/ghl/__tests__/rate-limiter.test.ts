import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { createRateLimiter } from '../rate-limiter';
import { SANDBOX_LOCATION } from '../../../sandbox/sandbox-fixtures';

const SAM = 'sbxContSamLee0000001';

/** The largest number of times within any window of `windowMs` (times sorted). */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** A Sandbox on a fake clock that records when each GHL request reached it, and its status. */
function recordedSandbox() {
  const fake = createFakeClock();
  const arrivals: { at: number; status: number }[] = [];
  const sandbox = createSandbox({
    clock: fake.clock,
    onTraffic: (entry) => arrivals.push({ at: fake.now(), status: entry.status }),
  });
  return { fake, sandbox, arrivals };
}

/** Background sync's half of the window at most, and no 429. */
function expectWithinShare(arrivals: readonly { at: number; status: number }[]) {
  expect(
    busiestWindow(
      arrivals.map((a) => a.at),
      10_000,
    ),
  ).toBeLessThanOrEqual(50);
  expect(arrivals.filter((a) => a.status === 429)).toHaveLength(0);
}

describe('rate limiter', () => {
  it('500 calls fired at once never exceed 100 in any 10 s window, and none is refused', async () => {
    const { fake, sandbox, arrivals } = recordedSandbox();
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    const calls = Array.from({ length: 500 }, () => client.contacts.get(SAM));
    const results = await fake.run(Promise.all(calls));
    expect(results).toHaveLength(500);
    expect(arrivals).toHaveLength(500);
    expect(arrivals.filter((a) => a.status === 429)).toHaveLength(0);
    expect(
      busiestWindow(
        arrivals.map((a) => a.at),
        10_000,
      ),
    ).toBeLessThanOrEqual(100);
    // Nor did it crawl. Pacing leaves part of each window to teammates (about 70 of 100 are
    // used when nobody else is), so 500 requests take about 70 s; under 55 a window would be a bug.
    expect(fake.now() - arrivals[0]!.at).toBeLessThan(90_000);
  });

  it('slows down when GHL reports little left, before it reaches zero', async () => {
    const { fake, sandbox, arrivals } = recordedSandbox();
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    // Teammates have spent 80 of this window's 100.
    sandbox.state.buckets.consume(
      sandbox.state.data.contacts.values().next().value!.locationId,
      80,
    );
    await fake.run(client.contacts.get(SAM)); // learns "remaining: 19"
    const start = fake.now();
    await fake.run(Promise.all(Array.from({ length: 10 }, () => client.contacts.get(SAM))));
    const gaps = arrivals.slice(1).map((a, i) => a.at - (i === 0 ? start : arrivals[i]!.at));
    // Spread out instead of a burst: every request waited for a share of the window.
    expect(Math.min(...gaps.slice(1))).toBeGreaterThan(200);
    expect(arrivals.filter((a) => a.status === 429)).toHaveLength(0);
  });

  it('background sync alone spends its whole share: its own requests age out, they do not slow it', async () => {
    const { fake, sandbox, arrivals } = recordedSandbox();
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    const start = fake.now();
    await fake.run(
      Promise.all(
        Array.from({ length: 300 }, () => client.contacts.get(SAM, { priority: 'background' })),
      ),
    );
    // Half of 100 per 10 s: 300 take 50 s or so (counting its own as teammates' took 113 s).
    expect(fake.now() - start).toBeLessThan(65_000);
    expectWithinShare(arrivals);
  });

  it('background sync sending one request at a time also gets its whole share', async () => {
    const { fake, sandbox, arrivals } = recordedSandbox();
    sandbox.state.faults.arm({ latencyMs: 100 });
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    const start = fake.now();
    await fake.run(
      (async () => {
        for (let i = 0; i < 150; i += 1) {
          await client.contacts.get(SAM, { priority: 'background' });
        }
      })(),
    );
    // 50 per 10 s: about 30 s.
    expect(fake.now() - start).toBeLessThan(35_000);
    expectWithinShare(arrivals);
  });

  it('two clients on one location share the budget without a 429 storm', async () => {
    const { fake, sandbox, arrivals } = recordedSandbox();
    const other = sandbox.state.auth.mint({ label: 'teammate' });
    const a = sandboxClient(sandbox, { clock: fake.clock }).client;
    const b = sandboxClient(sandbox, { clock: fake.clock, token: other }).client;
    const calls = [
      ...Array.from({ length: 150 }, () => a.contacts.get(SAM)),
      ...Array.from({ length: 150 }, () => b.contacts.get(SAM)),
    ];
    await fake.run(Promise.all(calls));
    const refused = arrivals.filter((x) => x.status === 429).length;
    expect(refused).toBe(0);
    expect(
      busiestWindow(
        arrivals.map((x) => x.at),
        10_000,
      ),
    ).toBeLessThanOrEqual(100);
  });

  it('honours Retry-After: nothing is sent until it has passed', async () => {
    const { fake, sandbox, arrivals } = recordedSandbox();
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    sandbox.state.faults.arm({ rateLimitStorm: { durationMs: 1, retryAfterSeconds: 7 } });
    const start = fake.now();
    await fake.run(client.contacts.get(SAM));
    expect(arrivals.map((a) => a.status)).toEqual([429, 200]);
    expect(arrivals[1]!.at - start).toBeGreaterThanOrEqual(7_000);
  });

  it('lets user actions overtake queued background sync', async () => {
    const { fake, sandbox } = recordedSandbox();
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    const order: string[] = [];
    const background = Array.from({ length: 60 }, (_, i) =>
      client.contacts.get(SAM, { priority: 'background' }).then(() => order.push(`bg${i}`)),
    );
    const user = client.tasks.list(SAM).then(() => order.push('user'));
    await fake.run(Promise.all([...background, user]));
    // Background may use half the window; the user's request still goes before most of it.
    expect(order.indexOf('user')).toBeLessThan(10);
  });

  it('keeps background sync to its share of the window', async () => {
    const { fake, sandbox, arrivals } = recordedSandbox();
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    await fake.run(
      Promise.all(
        Array.from({ length: 120 }, () => client.contacts.get(SAM, { priority: 'background' })),
      ),
    );
    expect(
      busiestWindow(
        arrivals.map((a) => a.at),
        10_000,
      ),
    ).toBeLessThanOrEqual(50);
  });

  it('refuses to send past the daily limit and says why', async () => {
    const { fake, sandbox, arrivals } = recordedSandbox();
    sandbox.state.buckets.configure({ dailyLimit: 3 });
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      limiterOptions: { dailyReserveForUser: 0 },
    });
    for (let i = 0; i < 3; i += 1) await fake.run(client.contacts.get(SAM));
    await expect(fake.run(client.contacts.get(SAM))).rejects.toMatchObject({
      kind: 'rate-limited',
      endpoint: 'GET /contacts/:contactId',
      message: expect.stringMatching(/daily/),
    });
    expect(arrivals).toHaveLength(3);
  });

  it('stops background sync short of the daily limit, keeping the rest for people', async () => {
    const { fake, sandbox } = recordedSandbox();
    sandbox.state.buckets.configure({ dailyLimit: 10 });
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      limiterOptions: { dailyReserveForUser: 5 },
    });
    await fake.run(client.contacts.get(SAM)); // 9 left today
    for (let i = 0; i < 4; i += 1)
      await fake.run(client.contacts.get(SAM, { priority: 'background' }));
    await expect(
      fake.run(client.contacts.get(SAM, { priority: 'background' })),
    ).rejects.toMatchObject({ kind: 'rate-limited' });
    await expect(fake.run(client.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
  });

  it('reports the location’s daily quota, less what it sent since (issue 17)', async () => {
    const { fake, sandbox } = recordedSandbox();
    const { client, limiter } = sandboxClient(sandbox, { clock: fake.clock });
    expect(limiter.dailyQuota()).toBeUndefined();
    sandbox.state.buckets.configure({ dailyLimit: 1000 });
    await fake.run(client.contacts.get(SAM));
    expect(limiter.dailyQuota()).toEqual({ limit: 1000, remaining: 999, at: fake.now() });
  });

  it('keeps the last 5% of the daily limit from background sync, not from people', async () => {
    const { fake, sandbox, arrivals } = recordedSandbox();
    sandbox.state.buckets.configure({ dailyLimit: 2000 });
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      limiterOptions: { dailyReserveForUser: 0 },
    });
    await fake.run(client.contacts.get(SAM));
    sandbox.state.buckets.leaveToday(SANDBOX_LOCATION.id, 102); // over 5% (100)
    await fake.run(client.contacts.get(SAM)); // 101 left
    await fake.run(client.contacts.get(SAM, { priority: 'background' })); // 100 left
    await expect(
      fake.run(client.contacts.get(SAM, { priority: 'background' })),
    ).rejects.toMatchObject({ kind: 'rate-limited', message: expect.stringMatching(/paused/) });
    await expect(fake.run(client.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    expect(arrivals).toHaveLength(4);
  });

  it('cancels a queued request when its signal aborts', async () => {
    const fake = createFakeClock();
    const limiter = createRateLimiter({ clock: fake.clock, max: 1, intervalMs: 10_000 });
    const first = await limiter.acquire('user');
    first.done();
    const controller = new AbortController();
    const waiting = limiter.acquire('user', controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(limiter.pending()).toEqual({ user: 0, background: 0 });
  });
});
