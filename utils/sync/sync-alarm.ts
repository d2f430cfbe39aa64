import { browser } from 'wxt/browser';

/** The alarm that wakes the background to run the sync. */
export const SYNC_ALARM = 'ghl-sync';

/**
 * Every 30 s: Chrome's minimum alarm period, and the freshest tier (a transcript open in a tab).
 * Each run syncs only the contacts that are due, so most wake-ups cost nothing.
 */
export const SYNC_ALARM_PERIOD_MINUTES = 0.5;

/**
 * A contact falling due within half an alarm period is synced on this tick rather than the next:
 * ticks come every 30 s, so each tier is kept within its age (give or take the run's length)
 * instead of up to a period over it.
 */
export const SYNC_GRACE_MS = (SYNC_ALARM_PERIOD_MINUTES * 60_000) / 2;

/**
 * Makes sure the sync alarm exists. Called at every background start: Firefox's alarms do not
 * survive a restart. Idempotent: an alarm already set with this period is left alone, so a
 * service worker that wakes often does not keep pushing its next run back.
 */
export async function ensureSyncAlarm(): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === SYNC_ALARM_PERIOD_MINUTES) return;
  await browser.alarms.create(SYNC_ALARM, {
    periodInMinutes: SYNC_ALARM_PERIOD_MINUTES,
    delayInMinutes: SYNC_ALARM_PERIOD_MINUTES,
  });
}

/** Stops the sync alarm, e.g. while not connected. */
export async function clearSyncAlarm(): Promise<void> {
  await browser.alarms.clear(SYNC_ALARM);
}
