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

/**
 * Sets the outbox alarm for when the next queued write falls due, or clears it when none waits
 * for time. The alarm is what survives the service worker being stopped; the background calls
 * this after every outbox change and at start (Firefox's alarms do not survive a restart).
 */
export async function scheduleOutboxAlarm(
  outbox: Pick<Outbox, 'nextWakeAt'>,
  clock: Clock,
): Promise<void> {
  const at = await outbox.nextWakeAt();
  if (at === undefined) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  await browser.alarms.create(OUTBOX_ALARM, {
    when: Math.max(at, clock.now() + MIN_ALARM_DELAY_MS),
  });
}
