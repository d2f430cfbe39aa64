import { browser } from 'wxt/browser';
import { withExclusiveLock } from '../auth/exclusive-lock';
import type { Clock } from '../clock';
import { QUOTA_MESSAGE } from '../db/quota';
import type { OutboxEvents } from './outbox-events';
import { isStorageFull, nextDueAt, type OutboxStore } from './outbox-queue';

/**
 * When the outbox runs: on request, one run at a time across the extension's contexts, again
 * when the next job falls due while the context lives (an in-memory wake-up), and at the alarm
 * that survives the service worker being stopped.
 */

/** The Web Lock that keeps sending to one loop across the extension's contexts. */
export const OUTBOX_LOCK = 'ghl-outbox';

/** The shortest in-memory wake-up: a due job is never polled for in a tight loop. */
const MIN_WAKE_MS = 1_000;

/** What {@link createOutboxSchedule} is built from. */
export interface OutboxScheduleDeps {
  store: OutboxStore;
  clock: Clock;
  /** Ends the runs and the wake-ups when the outbox is closed. */
  signal: AbortSignal;
  /** One run: sends due jobs until none is due (outbox-worker.ts). */
  drain(): Promise<void>;
  /** Where a problem the person must be told of goes (the storage quota). */
  events: OutboxEvents;
}

/**
 * When the outbox runs: on request, one run at a time, and again when the next job falls due.
 * While the context is alive an in-memory wake-up does it; the alarm ({@link OUTBOX_ALARM}) is
 * the durable backup.
 */
export function createOutboxSchedule(deps: OutboxScheduleDeps) {
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
        if (isStorageFull(error)) void deps.events.emit('problem', QUOTA_MESSAGE);
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

/** The alarm that wakes the background to send queued writes whose backoff has ended. */
export const OUTBOX_ALARM = 'ghl-outbox';

/**
 * Chrome fires an alarm no sooner than 30 s after it is set (chrome.alarms: "when" is rounded up
 * to 30 s for packed extensions); asking for less would only be rounded anyway.
 */
export const MIN_ALARM_DELAY_MS = 30_000;

/** The last scheduling asked for: each waits for the one before it. */
let scheduling: Promise<void> = Promise.resolve();

/**
 * Sets the outbox alarm for when the next queued write falls due, or clears it when none waits
 * for time. The alarm is what survives the service worker being stopped; the background calls
 * this after every outbox change and at start (Firefox's alarms do not survive a restart). Calls
 * run one after another, each reading the outbox when its turn comes: two run side by side could
 * end with an older "clear" after a newer "create", and a queued write with no alarm.
 */
export function scheduleOutboxAlarm(
  outbox: { nextWakeAt(): Promise<number | undefined> },
  clock: Clock,
): Promise<void> {
  const next = scheduling.catch(() => {}).then(() => setOutboxAlarm(outbox, clock));
  scheduling = next;
  return next;
}

async function setOutboxAlarm(outbox: { nextWakeAt(): Promise<number | undefined> }, clock: Clock) {
  const at = await outbox.nextWakeAt();
  if (at === undefined) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  await browser.alarms.create(OUTBOX_ALARM, {
    when: Math.max(at, clock.now() + MIN_ALARM_DELAY_MS),
  });
}

/**
 * What the background does with the outbox when it starts: sends what is due (and runs the
 * effects of writes a stopped worker left applied), then sets the alarm for what waits for time.
 * A run that sent nothing changes nothing, so the alarm would otherwise not be set at all.
 */
export async function startOutbox(
  outbox: { nextWakeAt(): Promise<number | undefined>; process(): Promise<void> },
  clock: Clock,
): Promise<void> {
  await outbox.process();
  await scheduleOutboxAlarm(outbox, clock);
}
