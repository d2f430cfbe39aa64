import type { QuotaPressure } from '../ghl/daily-quota';
import type { SyncSettings } from '../storage/sync-settings';

/** How much slower each tier's schedule gets while the quota is short. */
export const SLOW_TIER_FACTOR = 4;

/**
 * The settings a run plans with under `pressure`: while the quota is short every tier waits
 * {@link SLOW_TIER_FACTOR} times as long, so what is left goes to what people do in the panel.
 * (Paused runs do not plan at all: see sync-locked-run.)
 */
export function stretchForQuota(settings: SyncSettings, pressure: QuotaPressure): SyncSettings {
  return pressure === 'normal' ? settings : stretchTiers(settings, SLOW_TIER_FACTOR);
}

/**
 * The settings with every tier below "open" waiting `lower` times as long and the open tab's
 * `open` times (by default as long as the others): the one way the quota pressure and the daily
 * budget (daily-budget.ts) slow the sync.
 */
export function stretchTiers(settings: SyncSettings, lower: number, open = lower): SyncSettings {
  return {
    ...settings,
    openTabSeconds: settings.openTabSeconds * open,
    recentMinutes: settings.recentMinutes * lower,
    otherMinutes: settings.otherMinutes * lower,
    dormantHours: settings.dormantHours * lower,
  };
}
