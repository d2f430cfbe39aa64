import { DEFAULT_SYNC_SETTINGS, parseSyncSettings, syncSettingsSchema } from './sync-settings';
import { defineStoredItem } from './stored-item';

/** The storage key of the sync settings. */
export const SYNC_SETTINGS_KEY = 'syncSettings';

/**
 * The person's sync settings. Written by the background when the options page sends
 * 'settings/save'; read by the background at the start of every run (a change applies from the
 * next run) and by the options page. A value that no longer validates keeps its usable fields.
 */
export const syncSettingsItem = defineStoredItem({
  key: SYNC_SETTINGS_KEY,
  area: 'kept',
  version: 1,
  schema: syncSettingsSchema,
  fallback: () => ({ ...DEFAULT_SYNC_SETTINGS }),
  salvage: parseSyncSettings,
});
