import { connectionStatusItem, panelConnectionStatusItem } from './connection-status-item';
import { failureNoticesItem } from './failure-notices-item';
import { fieldMappingItem } from './field-mapping-item';
import { lastConnectErrorItem } from './last-connect-error-item';
import { logSettingsItem, panelLogSettingsItem } from './log-settings-item';
import { panelLayoutItem } from './panel-layout-item';
import { pageReadingsItem } from './page-readings-item';
import { panelSectionsItem } from './panel-sections-item';
import { shownContactsItems } from './shown-contacts-item';
import type { StoredItem } from './stored-item';
import { syncSettingsItem } from './sync-settings-item';
import { syncStatusItem } from './sync-status-item';
import { trintBudgetItem } from './trint-budget-item';

/** What every item has, whatever its value's type. */
export type AnyStoredItem = Pick<
  StoredItem<unknown>,
  'key' | 'area' | 'version' | 'panelCopy' | 'read' | 'parse'
>;

/**
 * Everything the extension keeps in extension storage, one file per item in this folder. (The
 * cache and the credentials are in IndexedDB; utils/db/meta-keys.ts lists what the cache keeps
 * besides its records.) Every item is written by the background only; other contexts read it
 * through the item (which checks it against its schema) and ask the background by message to
 * change it. Settings and everything the popup and options page show are `kept` (storage.session
 * backed by the extension's IndexedDB), where content scripts can neither read nor write; only
 * the panel's own layout and sections stay in storage.local (panel-*-item.ts). To add a setting: a file here,
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
  trintBudgetItem,
];

/**
 * The storage.local copies Trint panels read of `kept` items marked `panelCopy` (content scripts
 * cannot read storage.session): written with the item, read by panels only.
 */
export const PANEL_COPIES: readonly AnyStoredItem[] = [
  panelConnectionStatusItem,
  panelLogSettingsItem,
];

/** Items kept per id (the key is the prefix and the id). */
export const STORED_ITEM_FAMILIES = [shownContactsItems] as const;
