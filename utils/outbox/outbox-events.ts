import type { OutboxJob } from '../db/cache-schema';
import type { CompletedJob, OutboxResult } from './operations/operation';
import type { OutboxSummary } from './outbox-queue';

/** What the outbox tells whoever listens, and what each listener is given. */
export interface OutboxEventMap {
  /** The counts changed (a job queued, sent, held, failed or gone): publish them, re-read. */
  changed: [summary: OutboxSummary];
  /**
   * GHL has a write (the cache already shows it): its effects on the Trint side. `completed`
   * says what the cache held before. Awaited before the job is deleted; run again at the next
   * start if the worker stopped first, so a listener may see one job twice (it should be safe
   * to). A failure is logged, and the job deleted all the same.
   */
  applied: [job: OutboxJob, result: OutboxResult, completed: CompletedJob];
  /** A write stopped for good: told once each time a job becomes `failed`. */
  failed: [job: OutboxJob];
  /** Something the person must be told (the browser's storage quota), in words. */
  problem: [message: string];
}

type Listener<K extends keyof OutboxEventMap> = (
  ...args: OutboxEventMap[K]
) => void | Promise<void>;

/**
 * The one way the outbox's parts and its owner hear of what happens to jobs, instead of callbacks
 * handed from constructor to constructor. A listener that throws or rejects is logged and does
 * not stop the outbox; `emit` waits for the listeners (what follows `applied` must end before the
 * job is deleted).
 */
export function createOutboxEvents() {
  const listeners = new Map<keyof OutboxEventMap, Set<(...args: never[]) => unknown>>();

  return {
    /** Listens to an event; answers a function that stops listening. */
    on<K extends keyof OutboxEventMap>(event: K, listener: Listener<K>): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },

    /** Whether anyone listens to the event (the counts are only read for a listener). */
    heard(event: keyof OutboxEventMap): boolean {
      return (listeners.get(event)?.size ?? 0) > 0;
    },

    /** Tells every listener; never rejects. */
    async emit<K extends keyof OutboxEventMap>(
      event: K,
      ...args: OutboxEventMap[K]
    ): Promise<void> {
      const set = (listeners.get(event) ?? new Set()) as Set<Listener<K>>;
      await Promise.all(
        [...set].map(async (listener) => {
          try {
            await listener(...args);
          } catch (error) {
            console.warn(
              `GHL for Trint: an outbox ${event} listener failed:`,
              (error as Error)?.name,
            );
          }
        }),
      );
    },
  };
}

/** See {@link createOutboxEvents}. */
export type OutboxEvents = ReturnType<typeof createOutboxEvents>;
