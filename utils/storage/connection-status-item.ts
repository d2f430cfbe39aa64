import { connectionStatusSchema, NOT_CONNECTED } from '../auth/connection-status';
import { defineStoredItem } from './stored-item';

/** The storage key of the published connection status. */
export const CONNECTION_STATUS_KEY = 'connectionStatus';

/**
 * What every context may know about the GHL connection (never a token), published by the
 * background after every change so the popup, options page and panels show the same state.
 * Anything unreadable counts as not connected. The popup and options page read this one, which
 * content scripts cannot write; panels read {@link panelConnectionStatusItem}.
 */
export const connectionStatusItem = defineStoredItem({
  key: CONNECTION_STATUS_KEY,
  area: 'kept',
  panelCopy: true,
  schema: connectionStatusSchema,
  fallback: () => NOT_CONNECTED,
});

/**
 * The copy of the connection status Trint panels read (content scripts cannot read storage.session).
 * It is in storage.local, so a content script could change it: that only misleads its own page's
 * panel, which the page's script could draw over anyway. Privileged pages never read it.
 */
export const panelConnectionStatusItem = defineStoredItem({
  key: CONNECTION_STATUS_KEY,
  area: 'local',
  schema: connectionStatusSchema,
  fallback: () => NOT_CONNECTED,
});
