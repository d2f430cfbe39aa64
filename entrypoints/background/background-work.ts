/** Background work nobody awaits must not end as an unhandled rejection; only the name is logged. */
export function logFailure(error: unknown): void {
  console.warn('GHL for Trint:', error instanceof Error ? error.name : typeof error);
}

/** See {@link createBackgroundWork}. */
export interface BackgroundWork {
  /** Lets `work` run on its own: a failure is logged (see {@link logFailure}), never thrown. */
  run(work: Promise<unknown>): void;
  /** Resolves once no work is left running, counting work started while it waits. */
  idle(): Promise<void>;
}

/**
 * The work a listener or a change starts and nobody waits for (publish a status, sync after a
 * connect, send the outbox when its alarm fires). Kept until it ends, so a test can wait until
 * the background is quiet instead of guessing how long that takes.
 */
export function createBackgroundWork(log: (error: unknown) => void = logFailure): BackgroundWork {
  const running = new Set<Promise<unknown>>();
  return {
    run(work) {
      const tracked = work.catch(log).finally(() => running.delete(tracked));
      running.add(tracked);
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
