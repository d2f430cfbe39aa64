import { browser } from 'wxt/browser';
import type { Clock } from '../clock';
import type { Outbox } from './outbox';

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
  outbox: Pick<Outbox, 'nextWakeAt'>,
  clock: Clock,
): Promise<void> {
  const next = scheduling.catch(() => {}).then(() => setOutboxAlarm(outbox, clock));
  scheduling = next;
  return next;
}

async function setOutboxAlarm(outbox: Pick<Outbox, 'nextWakeAt'>, clock: Clock) {
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
  outbox: Pick<Outbox, 'nextWakeAt' | 'process'>,
  clock: Clock,
): Promise<void> {
  await outbox.process();
  await scheduleOutboxAlarm(outbox, clock);
}
