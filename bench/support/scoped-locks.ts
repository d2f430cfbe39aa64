// Web Locks for many extensions in one process. The sync engine and the outbox hold Web Locks so
// that one extension never runs two syncs or two outbox loops at once; without `navigator.locks`
// (Node) they fall back to one lock per process, which would make 20 teammates' extensions wait
// for each other. This gives each extension its own locks: whatever runs inside
// `asExtension(name, …)` (and everything it starts) takes the locks of `name`.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/** Runs `task` as extension `name`: the Web Locks it takes are that extension's. */
export function asExtension<T>(name: string, task: () => T): T {
  return scope.run(name, task);
}

interface Lock {
  held: boolean;
  waiters: (() => void)[];
}

type LockCallback = (lock: { name: string; mode: string } | null) => unknown;

/** Installs per-extension `navigator.locks`; answers a function that removes them again. */
export function installScopedLocks(): () => void {
  const locks = new Map<string, Lock>();
  async function request(
    name: string,
    optionsOrCallback: { ifAvailable?: boolean; mode?: string } | LockCallback,
    maybeCallback?: LockCallback,
  ) {
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const callback = (maybeCallback ?? optionsOrCallback) as LockCallback;
    const key = `${scope.getStore() ?? ''}\u0000${name}`;
    let lock = locks.get(key);
    if (!lock) locks.set(key, (lock = { held: false, waiters: [] }));
    if (lock.held) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve) => lock!.waiters.push(resolve));
    }
    lock.held = true;
    try {
      return await callback({ name, mode: options.mode ?? 'exclusive' });
    } finally {
      const next = lock.waiters.shift();
      if (next) next();
      else lock.held = false;
    }
  }
  const global = globalThis as { navigator?: unknown };
  const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', {
    value: { locks: { request } },
    configurable: true,
    writable: true,
  });
  return () => {
    if (before) Object.defineProperty(globalThis, 'navigator', before);
    else delete global.navigator;
  };
}
