import { browser } from 'wxt/browser';
import { parseSyncSettings, SYNC_SETTINGS_KEY, type SyncSettings } from './sync-settings';

/** The person's sync settings as stored (defaults for anything missing or invalid). */
export async function readSyncSettings(): Promise<SyncSettings> {
  const stored = await browser.storage.local.get(SYNC_SETTINGS_KEY);
  return parseSyncSettings(stored[SYNC_SETTINGS_KEY]);
}
