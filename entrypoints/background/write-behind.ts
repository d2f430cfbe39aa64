/**
 * Writes of values the background holds in memory (the Trint tabs' budget, the contacts shown to
 * each tab), made after the current task instead of within it: a keystroke of the panel's search
 * changes both, and a storage write is milliseconds of the worker's time that would otherwise run
 * before the answer is sent (issue 17, BENCHMARKS.md "Local contact search").
 *
 * Writes run one at a time, in the order they were queued; a write queued under a key that has a
 * write waiting replaces it (the newer value is the one worth keeping), so a burst is written
 * once. A worker stopped in the moment before a write lands loses that write: the values written
 * this way can afford it (a few budget units, a contact shown a moment ago).
 */
export interface WriteBehind {
  /** Queues `write` under `key`, replacing the write waiting under that key, if any. */
  queue(key: string, write: () => Promise<void>): void;
  /** Settles once every write queued so far has been made (or failed). */
  settled(): Promise<void>;
}

/** See {@link WriteBehind}. */
export function createWriteBehind(): WriteBehind {
  const waiting = new Map<string, () => Promise<void>>();
  /** The writes started so far, one after another. */
  let chain: Promise<void> = Promise.resolve();
  /** Settles once the waiting writes have joined the chain; undefined when none wait. */
  let started: Promise<void> | undefined;

  function start() {
    for (const write of waiting.values()) chain = chain.then(write).catch(() => {});
    waiting.clear();
  }

  return {
    queue(key, write) {
      // Deleted first, so the replacement runs in the order it was queued.
      waiting.delete(key);
      waiting.set(key, write);
      started ??= new Promise<void>((resolve) =>
        setTimeout(() => {
          started = undefined;
          start();
          resolve();
        }, 0),
      );
    },
    async settled() {
      await started;
      await chain;
    },
  };
}
