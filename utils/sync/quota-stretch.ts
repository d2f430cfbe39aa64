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
  if (pressure === 'normal') return settings;
  return {
    ...settings,
    openTabSeconds: settings.openTabSeconds * SLOW_TIER_FACTOR,
    recentMinutes: settings.recentMinutes * SLOW_TIER_FACTOR,
    otherMinutes: settings.otherMinutes * SLOW_TIER_FACTOR,
    dormantHours: settings.dormantHours * SLOW_TIER_FACTOR,
  };
}
