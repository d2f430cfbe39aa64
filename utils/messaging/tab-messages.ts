import { z } from 'zod/mini';

/**
 * Messages the background sends to Trint tabs (tabs.sendMessage). The content script validates
 * them like any input: a message that does not parse is ignored.
 */
export const tabMessageSchema = z.discriminatedUnion('type', [
  z.object({
    /** Something about this transcript changed in the cache: read it again. */
    type: z.literal('transcript/changed'),
    transcriptId: z.string(),
    contactId: z.optional(z.string()),
    /** What changed, e.g. "contact", "tasks", "notes", "link". */
    what: z.array(z.string()),
  }),
]);
export type TabMessage = z.infer<typeof tabMessageSchema>;

/**
 * The browser command "Show or hide the GHL panel" (manifest `commands`), passed by the background
 * to the active Trint tab: kept apart from {@link tabMessageSchema}, whose messages are all about
 * a transcript's data.
 */
export const panelCommandSchema = z.object({ type: z.literal('panel/command') });
export type PanelCommand = z.infer<typeof panelCommandSchema>;

/** The command's name in the manifest, and the one the background listens for. */
export const PANEL_COMMAND = 'toggle-panel';
