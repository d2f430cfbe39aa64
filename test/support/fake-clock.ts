import type { Clock } from '../../utils/clock';
import { trackImmediates, untilNoImmediates } from './queued-immediates';
import { TimerHeap, type Timer } from './timer-heap';

/** The tests' "now": 26 Nov 2026, 12:00 UTC. */
export const FAKE_CLOCK_START = Date.parse('2026-11-26T12:00:00.000Z');

/** Options of {@link createFakeClock}. */
export interface FakeClockOptions {
  /** The time it starts at (default {@link FAKE_CLOCK_START}). */
  start?: number;
  /**
   * How long it lets other work run before it moves time on. 'turns' (the unit tests'): 20 turns
   * of the event loop, for pending promise chains and stream reads. 'idle' (the benchmarks'):
   * until no setImmediate callback is queued, so a sync's IndexedDB work (fake-indexeddb answers
   * on setImmediate) never makes simulated time jump, however long its chain.
   */
  settle?: 'turns' | 'idle';
}

/** Lets pending promise chains and stream reads (which use real I/O callbacks) run. */
async function twentyTurns() {
  for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A clock that only moves when told, shared by the unit tests and the benchmarks. `run(promise)`
 * jumps from timer to timer until the promise settles, so a minute of rate limiting and backoff
 * (or a simulated hour of a team's syncs) takes milliseconds and gives the same result every
 * time. A number is taken as the start time.
 */
export function createFakeClock(options: FakeClockOptions | number = {}) {
  const { start = FAKE_CLOCK_START, settle: how = 'turns' } =
    typeof options === 'number' ? { start: options } : options;
  if (how === 'idle') trackImmediates();
  const settle = how === 'idle' ? untilNoImmediates : twentyTurns;
  let now = start;
  let seq = 0;
  const timers = new TimerHeap();

  const clock: Clock = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer: Timer = { at: now + Math.max(0, ms), seq: seq++, resolve, cancelled: false };
        timers.push(timer);
        signal?.addEventListener(
          'abort',
          () => {
            timer.cancelled = true;
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
  };

  function fireNext() {
    const timer = timers.pop()!;
    now = Math.max(now, timer.at);
    timer.resolve();
  }

  /** Runs time up to `target`, firing every timer due on the way, in order. */
  async function advanceTo(target: number) {
    for (;;) {
      await settle();
      const next = timers.peek();
      if (!next || next.at > target) break;
      fireNext();
    }
    now = Math.max(now, target);
    await settle();
  }

  return {
    clock,
    now: () => now,
    /** Lets other work run (see {@link FakeClockOptions.settle}) without moving time. */
    settle,
    advanceTo,
    /** Moves time forward by `ms`, firing every timer due on the way, in order. */
    advance: (ms: number) => advanceTo(now + ms),
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
        const next = timers.peek();
        if (!next) throw new Error('Fake clock: the promise waits for nothing that can happen');
        if (next.at > deadline) throw new Error(`Fake clock: not settled after ${limitMs} ms`);
        fireNext();
      }
    },
  };
}

/** See {@link createFakeClock}. */
export type FakeClock = ReturnType<typeof createFakeClock>;
