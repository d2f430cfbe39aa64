import { z } from 'zod/mini';
import { defineStoredItem } from './stored-item';

/** The storage key of the panel's collapsed state and width (per browser profile). */
export const PANEL_LAYOUT_KEY = 'panelLayout';

/** The narrowest and widest the panel may be, in CSS pixels. */
export const PANEL_WIDTH = { min: 280, max: 640, initial: 340 } as const;

/** Keeps a width within bounds (and within a narrow window), whole pixels. */
export function clampWidth(width: number, viewport = Infinity): number {
  const max = Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, viewport - 48));
  return Math.round(Math.min(max, Math.max(PANEL_WIDTH.min, width)));
}

const panelLayoutSchema = z.object({
  version: z.literal(1),
  collapsed: z.boolean(),
  width: z.number(),
});
/** How the person left the panel: collapsed or open, and how wide. */
export type PanelLayout = z.infer<typeof panelLayoutSchema>;

/** The layout before the person changed it. */
export const DEFAULT_PANEL_LAYOUT: PanelLayout = {
  version: 1,
  collapsed: false,
  width: PANEL_WIDTH.initial,
};

/**
 * The panel's layout, shared by every Trint tab (storage.local, so a change in one tab shows in
 * the others). Written by the background when a tab sends 'panel/save-layout'. A stored width
 * reads within bounds, whoever wrote it.
 */
export const panelLayoutItem = defineStoredItem({
  key: PANEL_LAYOUT_KEY,
  area: 'local',
  version: 1,
  // The schema, then the clamp: by hand, as zod's pipe would add code the content script loads.
  schema: {
    safeParse(value) {
      const parsed = panelLayoutSchema.safeParse(value);
      return parsed.success
        ? { success: true, data: { ...parsed.data, width: clampWidth(parsed.data.width) } }
        : parsed;
    },
  },
  fallback: () => DEFAULT_PANEL_LAYOUT,
});
