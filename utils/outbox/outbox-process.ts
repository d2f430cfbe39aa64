import { withExclusiveLock } from '../auth/exclusive-lock';
import type { Clock } from '../clock';
import { QUOTA_MESSAGE } from '../db/quota';
import { nextDueAt } from './outbox-queue';
import { isStorageFull, type OutboxStore } from './outbox-store';

/** The Web Lock that keeps sending to one loop across the extension's contexts. */
export const OUTBOX_LOCK = 'ghl-outbox';

/** The shortest in-memory wake-up: a due job is never polled for in a tight loop. */
const MIN_WAKE_MS = 1_000;

/** What {@link createOutboxProcess} is built from. */
export interface OutboxProcessDeps {
  store: OutboxStore;
  clock: Clock;
  /** Ends the runs and the wake-ups when the outbox is closed. */
  signal: AbortSignal;
  /** One run: sends due jobs until none is due (outbox-runner.ts). */
  drain(): Promise<void>;
  /** A problem the person must be told of, in words (the storage quota). */
  problem(message: string): void;
}

/**
 * When the outbox runs: on request, one run at a time, and again when the next job falls due.
 * While the context is alive an in-memory wake-up does it; the alarm (outbox-alarm.ts) is the
 * durable backup.
 */
export function createOutboxProcess(deps: OutboxProcessDeps) {
  const { store, clock, signal } = deps;
  let running: Promise<void> | undefined;
  let again = false;
  let wake: AbortController | undefined;

  /** Sets the in-memory wake-up for the next due job (the alarm is the durable backup). */
  async function scheduleWake(at: number | undefined) {
    wake?.abort();
    wake = undefined;
    if (at === undefined || signal.aborted) return;
    const controller = (wake = new AbortController());
    clock.sleep(Math.max(MIN_WAKE_MS, at - clock.now()), controller.signal).then(
      () => {
        if (wake === controller) void process();
      },
      () => {},
    );
  }

  /**
   * Sends every due job, oldest first. One run at a time per context, and one across contexts
   * (a Web Lock), so no two can send the same job. Never rejects: what fails stays stored.
   */
  function process(): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let wakeAt: number | undefined;
      try {
        // A call that arrives during a run asks for another: its job may have been stored after
        // this run last looked. The check and `running = undefined` run without an await between.
        do {
          again = false;
          await withExclusiveLock(OUTBOX_LOCK, deps.drain);
          wakeAt = await nextWakeAt();
        } while (again && !signal.aborted);
      } catch (error) {
        // The jobs are as last stored; try again in a minute rather than never.
        console.warn('GHL for Trint: the outbox stopped a run:', (error as Error)?.name);
        if (isStorageFull(error)) deps.problem(QUOTA_MESSAGE);
        wakeAt = clock.now() + 60_000;
      } finally {
        running = undefined;
      }
      await scheduleWake(wakeAt);
    })();
    return running;
  }

  /** When the next queued job falls due (for the alarm), if any waits only for time. */
  async function nextWakeAt(): Promise<number | undefined> {
    return nextDueAt(await store.list());
  }

  return {
    process,
    nextWakeAt,
    /** Ends the wake-up; answers the run in progress, if any, for the caller to await. */
    stop(): Promise<void> | undefined {
      wake?.abort();
      return running;
    },
  };
}
