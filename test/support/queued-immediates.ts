let queued = 0;
let installed = false;
/** The untracked setImmediate: a clock's own waits must not count as work to wait for. */
let untracked: typeof setImmediate = globalThis.setImmediate;

/**
 * Counts the setImmediate callbacks still queued (fake-indexeddb answers on them), by wrapping
 * setImmediate once per process. Installed only by a fake clock that waits for IndexedDB to go
 * quiet (the benchmarks'); the unit tests' clocks leave setImmediate alone.
 */
export function trackImmediates(): void {
  if (installed) return;
  installed = true;
  const original = globalThis.setImmediate;
  untracked = original;
  const originalClear = globalThis.clearImmediate;
  const live = new WeakSet<object>();
  const wrapped = ((callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    queued += 1;
    const handle: NodeJS.Immediate = original(() => {
      if (live.delete(handle)) queued -= 1;
      callback(...args);
    });
    live.add(handle);
    return handle;
  }) as typeof setImmediate;
  globalThis.setImmediate = Object.assign(wrapped, { __promisify__: original.__promisify__ });
  globalThis.clearImmediate = ((handle: NodeJS.Immediate | undefined) => {
    if (handle && live.delete(handle)) queued -= 1;
    originalClear(handle);
  }) as typeof clearImmediate;
}

/** Waits until no promise job or queued setImmediate callback is left (twice in a row). */
export async function untilNoImmediates(): Promise<void> {
  for (let idle = 0; idle < 2;) {
    await new Promise<void>((resolve) => untracked(resolve));
    idle = queued === 0 ? idle + 1 : 0;
  }
}
