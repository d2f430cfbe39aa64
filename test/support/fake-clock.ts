import type { Clock } from '../../utils/clock';

interface Timer {
  at: number;
  order: number;
  resolve(): void;
}

/** Lets pending promise chains and stream reads (which use real I/O callbacks) run. */
async function settle() {
  for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A clock that only moves when told. `run(promise)` jumps from timer to timer until the promise
 * settles, so a minute of rate limiting and backoff takes milliseconds and gives the same
 * result every time.
 */
export function createFakeClock(start = Date.parse('2026-11-26T12:00:00.000Z')) {
  let now = start;
  let order = 0;
  const timers: Timer[] = [];

  const clock: Clock = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer: Timer = { at: now + Math.max(0, ms), order: order++, resolve };
        timers.push(timer);
        signal?.addEventListener(
          'abort',
          () => {
            const index = timers.indexOf(timer);
            if (index >= 0) timers.splice(index, 1);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
  };

  function nextTimer(): Timer | undefined {
    return [...timers].sort((a, b) => a.at - b.at || a.order - b.order)[0];
  }

  function fire(timer: Timer) {
    timers.splice(timers.indexOf(timer), 1);
    now = Math.max(now, timer.at);
    timer.resolve();
  }

  return {
    clock,
    now: () => now,
    /** Moves time forward by `ms`, firing every timer due on the way, in order. */
    async advance(ms: number) {
      const target = now + ms;
      for (;;) {
        await settle();
        const timer = nextTimer();
        if (!timer || timer.at > target) break;
        fire(timer);
      }
      now = target;
      await settle();
    },
    /**
     * Runs time forward until `promise` settles and returns its result. Fails if nothing is left
     * to wait for (a deadlock) or after `limitMs` of simulated time.
     */
    async run<T>(promise: Promise<T>, limitMs = 24 * 60 * 60_000): Promise<T> {
      let done = false;
      const watched = promise.finally(() => {
        done = true;
      });
      watched.catch(() => {});
      const deadline = now + limitMs;
      for (;;) {
        await settle();
        if (done) return watched;
        const timer = nextTimer();
        if (!timer) throw new Error('Fake clock: the promise waits for nothing that can happen');
        if (timer.at > deadline) throw new Error(`Fake clock: not settled after ${limitMs} ms`);
        fire(timer);
      }
    },
  };
}

/** See {@link createFakeClock}. */
export type FakeClock = ReturnType<typeof createFakeClock>;
