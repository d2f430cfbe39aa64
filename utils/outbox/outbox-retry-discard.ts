import type { Clock } from '../clock';
import type { OutboxJobView } from './outbox-operations';
import { reconcilable } from './outbox-reconcile';
import type { OutboxStore } from './outbox-store';

/** What {@link createRetryDiscard} needs of the outbox. */
export interface RetryDiscardDeps {
  store: OutboxStore;
  clock: Clock;
  /** A place at the end of the queue (outbox-queue.ts). */
  nextOrder: () => Promise<number>;
  /** The counts changed (publish them). */
  changed(): Promise<void>;
  /** Starts a run of the outbox, without waiting for it. */
  process(): Promise<void>;
  /** The jobs a person sees, as they are after the change. */
  list(): Promise<OutboxJobView[]>;
}

/**
 * What a person decides about a job the outbox stopped (failed, or waiting for the connection):
 * Retry it or Discard it. Both answer the jobs as the popup then shows them.
 */
export function createRetryDiscard(deps: RetryDiscardDeps) {
  const { store, clock } = deps;

  return {
    /**
     * A failed (or waiting) job goes back in the queue, due now, its attempts counted afresh. A
     * failed one goes to the end, as a write made now: later writes about the same contact went
     * ahead while it was failed, and it must not jump back in front of those still queued; the
     * person sees when it was first made. A contact create that could not be looked for is sent
     * again: the person was asked to check GHL first.
     */
    async retry(id: string): Promise<OutboxJobView[]> {
      const order = await deps.nextOrder();
      const job = await store.update(id, (j) =>
        j.status === 'failed' || j.status === 'waiting'
          ? {
              ...j,
              status: 'queued',
              attempts: 0,
              nextAttemptAt: clock.now(),
              lastError: undefined,
              sentAt: reconcilable(j.operation) ? j.sentAt : undefined,
              ...(j.status === 'failed' && { createdAt: order, madeAt: j.madeAt ?? j.createdAt }),
            }
          : undefined,
      );
      if (job) {
        await deps.changed();
        void deps.process();
      }
      return deps.list();
    },

    /** Deletes a failed or waiting job; a queued one is on its way and is left alone. */
    async discard(id: string): Promise<OutboxJobView[]> {
      let removed = false;
      await store.update(id, (j) => {
        removed = j.status === 'failed' || j.status === 'waiting';
        return removed ? null : undefined;
      });
      if (removed) await deps.changed();
      return deps.list();
    },
  };
}
