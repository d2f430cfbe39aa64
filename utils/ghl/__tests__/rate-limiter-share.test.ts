import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { createRateLimiter } from '../rate-limiter';

/** Acquires `count` background leases (answering each at once); returns when each was granted. */
async function grantTimes(
  fake: ReturnType<typeof createFakeClock>,
  limiter: ReturnType<typeof createRateLimiter>,
  count: number,
) {
  const times: number[] = [];
  const leases = Array.from({ length: count }, () =>
    limiter.acquire('background').then((lease) => {
      times.push(fake.now());
      lease.done();
    }),
  );
  await fake.run(Promise.all(leases));
  return times;
}

describe('rate limiter: background share', () => {
  it('changes at runtime: the next window follows the new share', async () => {
    const fake = createFakeClock();
    const limiter = createRateLimiter({ clock: fake.clock, max: 100, intervalMs: 10_000 });
    const start = fake.now();
    let times = await grantTimes(fake, limiter, 60);
    expect(times.filter((t) => t === start)).toHaveLength(50); // default: half the window
    await fake.advance(10_000);
    limiter.setBackgroundShare(0.2);
    const second = fake.now();
    times = await grantTimes(fake, limiter, 30);
    expect(times.filter((t) => t < second + 10_000)).toHaveLength(20);
  });

  it('lets queued background calls go at once when the share grows', async () => {
    const fake = createFakeClock();
    const limiter = createRateLimiter({
      clock: fake.clock,
      max: 100,
      intervalMs: 10_000,
      backgroundShare: 0.1,
    });
    const granted: number[] = [];
    const leases = Array.from({ length: 20 }, () =>
      limiter.acquire('background').then((lease) => {
        granted.push(fake.now());
        lease.done();
      }),
    );
    await fake.advance(0);
    expect(granted).toHaveLength(10);
    limiter.setBackgroundShare(0.5);
    await fake.advance(0);
    expect(granted).toHaveLength(20);
    await Promise.all(leases);
  });

  it('clamps a share above 1 to the whole window, never more', async () => {
    const fake = createFakeClock();
    const limiter = createRateLimiter({ clock: fake.clock, max: 10, intervalMs: 10_000 });
    limiter.setBackgroundShare(5);
    const start = fake.now();
    const times = await grantTimes(fake, limiter, 12);
    expect(times.filter((t) => t === start)).toHaveLength(10);
  });
});
