import { connectionStatusItem } from './connection-status-item';
import { failureNoticesItem } from './failure-notices-item';
import { fieldMappingItem } from './field-mapping-item';
import { lastConnectErrorItem } from './last-connect-error-item';
import { logSettingsItem } from './log-settings-item';
import { panelLayoutItem } from './panel-layout-item';
import { pageReadingsItem } from './page-readings-item';
import { panelSectionsItem } from './panel-sections-item';
import { shownContactsItems } from './shown-contacts-item';
import type { StoredItem } from './stored-item';
import { syncSettingsItem } from './sync-settings-item';
import { syncStatusItem } from './sync-status-item';

/** What every item has, whatever its value's type. */
export type AnyStoredItem = Pick<
  StoredItem<unknown>,
  'key' | 'area' | 'version' | 'read' | 'parse'
>;

/**
 * Everything the extension keeps in extension storage, one file per item in this folder. (The
 * cache and the credentials are in IndexedDB; utils/db/meta-keys.ts lists what the cache keeps
 * besides its records.) Every item is written by the background only; other contexts read it
 * through the item (which checks it against its schema, since a content script can write
 * storage.local) and ask the background by message to change it. To add a setting: a file here,
 * a line below, a message to save it (utils/messaging/protocol.ts, settings-handlers.ts).
 */
export const STORED_ITEMS: readonly AnyStoredItem[] = [
  syncSettingsItem,
  fieldMappingItem,
  connectionStatusItem,
  syncStatusItem,
  lastConnectErrorItem,
  failureNoticesItem,
  panelLayoutItem,
  panelSectionsItem,
  logSettingsItem,
  pageReadingsItem,
];

/** Items kept per id (the key is the prefix and the id). */
export const STORED_ITEM_FAMILIES = [shownContactsItems] as const;
