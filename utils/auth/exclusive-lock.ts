/**
 * Runs `task` while holding the named lock, across every context of the extension origin (service
 * worker, popup, options) through the Web Locks API, so a rotating refresh token is only ever
 * spent by one of them. Where Web Locks are missing (unit tests) the lock is per process.
 */
export function withExclusiveLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(name, { mode: 'exclusive' }, task) as Promise<T>;
  return inProcessLock(name, task);
}

const tails = new Map<string, Promise<unknown>>();

function inProcessLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(name, tail);
  void tail.then(() => {
    if (tails.get(name) === tail) tails.delete(name);
  });
  return run;
}
