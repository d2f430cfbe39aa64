import { useCallback } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { useStorageValue } from '../shared/use-storage-value';

/** Where the panel's collapsed state and width are remembered (per browser profile). */
export const PANEL_LAYOUT_KEY = 'panelLayout';

/** The narrowest and widest the panel may be, in CSS pixels. */
export const PANEL_WIDTH = { min: 280, max: 640, initial: 340 } as const;

const panelLayoutSchema = z.object({
  version: z.literal(1),
  collapsed: z.boolean(),
  width: z.number(),
});
/** How the person left the panel: collapsed or open, and how wide. */
export type PanelLayout = z.infer<typeof panelLayoutSchema>;

const DEFAULT_LAYOUT: PanelLayout = { version: 1, collapsed: false, width: PANEL_WIDTH.initial };

/** Keeps a width within bounds (and within a narrow window), whole pixels. */
export function clampWidth(width: number, viewport = Infinity): number {
  const max = Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, viewport - 48));
  return Math.round(Math.min(max, Math.max(PANEL_WIDTH.min, width)));
}

/** A stored layout, or the default when none is stored or it does not parse. */
export function parsePanelLayout(raw: unknown): PanelLayout {
  const parsed = panelLayoutSchema.safeParse(raw);
  return parsed.success ? { ...parsed.data, width: clampWidth(parsed.data.width) } : DEFAULT_LAYOUT;
}

/**
 * The panel's layout, shared by every Trint tab (storage.local, so a change in one tab shows in
 * the others) and the setter that remembers a change.
 */
export function usePanelLayout(): [PanelLayout, (change: Partial<PanelLayout>) => void] {
  const layout = useStorageValue(PANEL_LAYOUT_KEY, parsePanelLayout) ?? DEFAULT_LAYOUT;
  const update = useCallback(
    (change: Partial<PanelLayout>) => {
      const next = { ...layout, ...change, version: 1 as const };
      void browser.storage.local.set({ [PANEL_LAYOUT_KEY]: next });
    },
    [layout],
  );
  return [layout, update];
}
