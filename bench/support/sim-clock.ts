// A fake clock for simulated hours. Unlike test/support/fake-clock, it only moves time when
// nothing else can run: it counts the setImmediate callbacks still queued (fake-indexeddb answers
// on them) and waits for them all, so a sync's IndexedDB work never makes simulated time jump.
import type { Clock } from '../../utils/clock';

let queuedImmediates = 0;
let installed = false;
/** The untracked setImmediate: the clock's own waits must not count as work to wait for. */
let untracked: typeof setImmediate = globalThis.setImmediate;

/** Wraps setImmediate once per process so queued callbacks can be counted. */
function trackImmediates() {
  if (installed) return;
  installed = true;
  const original = globalThis.setImmediate;
  untracked = original;
  const originalClear = globalThis.clearImmediate;
  const live = new WeakSet<object>();
  const wrapped = ((callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    queuedImmediates += 1;
    const handle: NodeJS.Immediate = original(() => {
      if (live.delete(handle)) queuedImmediates -= 1;
      callback(...args);
    });
    live.add(handle);
    return handle;
  }) as typeof setImmediate;
  globalThis.setImmediate = Object.assign(wrapped, { __promisify__: original.__promisify__ });
  globalThis.clearImmediate = ((handle: NodeJS.Immediate | undefined) => {
    if (handle && live.delete(handle)) queuedImmediates -= 1;
    originalClear(handle);
  }) as typeof clearImmediate;
}

interface Timer {
  at: number;
  seq: number;
  resolve(): void;
  cancelled: boolean;
}

/** A binary min-heap of timers by (at, seq). */
class TimerHeap {
  private items: Timer[] = [];
  get size() {
    return this.items.length;
  }
  private less(a: Timer, b: Timer) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  push(timer: Timer) {
    const items = this.items;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  peek(): Timer | undefined {
    while (this.items[0]?.cancelled) this.pop();
    return this.items[0];
  }
  pop(): Timer | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * A simulated clock starting at `start` (26 Nov 2026 12:00 UTC, the tests' "now", by default).
 * `advanceTo` fires timers in order and lets all other work finish between two of them.
 */
export function createSimClock(start = Date.parse('2026-11-26T12:00:00.000Z')) {
  trackImmediates();
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

  /** Waits until no promise job or queued setImmediate callback is left (twice in a row). */
  async function settle() {
    for (let idle = 0; idle < 2;) {
      await new Promise<void>((resolve) => untracked(resolve));
      idle = queuedImmediates === 0 ? idle + 1 : 0;
    }
  }

  return {
    clock,
    now: () => now,
    settle,
    /** Runs simulated time up to `target`, firing every timer due on the way, in order. */
    async advanceTo(target: number) {
      for (;;) {
        await settle();
        const next = timers.peek();
        if (!next || next.at > target) break;
        timers.pop();
        now = Math.max(now, next.at);
        next.resolve();
      }
      now = Math.max(now, target);
      await settle();
    },
    /** Runs simulated time until `promise` settles (or `limitMs` passed) and returns it. */
    async run<T>(promise: Promise<T>, limitMs = 24 * 3_600_000): Promise<T> {
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
        if (!next) throw new Error('Simulated clock: the promise waits for nothing');
        if (next.at > deadline) throw new Error(`Simulated clock: not settled in ${limitMs} ms`);
        timers.pop();
        now = Math.max(now, next.at);
        next.resolve();
      }
    },
  };
}

/** See {@link createSimClock}. */
export type SimClock = ReturnType<typeof createSimClock>;
