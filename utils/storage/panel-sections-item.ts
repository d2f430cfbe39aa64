import { z } from 'zod/mini';
import { defineStoredItem } from './stored-item';

/** The storage key of the panel's collapsed sections, per contact. */
export const PANEL_SECTIONS_KEY = 'panelSections';

/** The most contacts remembered: the oldest are forgotten first, so storage stays small. */
export const MAX_REMEMBERED_CONTACTS = 200;

/** The panel's sections a person can collapse. */
export const PANEL_SECTIONS = ['tasks', 'notes', 'appointments', 'activity'] as const;
export type PanelSection = (typeof PANEL_SECTIONS)[number];

const panelSectionsSchema = z.object({
  version: z.literal(1),
  /** Contact id → its collapsed sections; insertion order is the order they were last changed. */
  collapsed: z.record(z.string(), z.array(z.enum(PANEL_SECTIONS))),
});
/** Which sections are collapsed for each contact. */
export type PanelSections = z.infer<typeof panelSectionsSchema>;

/** Every section open, for every contact. */
export const DEFAULT_PANEL_SECTIONS: PanelSections = { version: 1, collapsed: {} };

/**
 * The panel's collapsed sections per contact (a person who never reads a contact's appointments
 * closes them once), shared by every Trint tab. Written by the background when a tab sends
 * 'panel/save-sections'.
 */
export const panelSectionsItem = defineStoredItem({
  key: PANEL_SECTIONS_KEY,
  area: 'local',
  version: 1,
  schema: panelSectionsSchema,
  fallback: () => DEFAULT_PANEL_SECTIONS,
});

/** The stored value with one contact's sections set (moved last), the oldest beyond the cap gone. */
export function withCollapsed(
  value: PanelSections,
  contactId: string,
  collapsed: readonly PanelSection[],
): PanelSections {
  const entries = Object.entries(value.collapsed).filter(([id]) => id !== contactId);
  if (collapsed.length > 0) entries.push([contactId, [...new Set(collapsed)]]);
  return { version: 1, collapsed: Object.fromEntries(entries.slice(-MAX_REMEMBERED_CONTACTS)) };
}
