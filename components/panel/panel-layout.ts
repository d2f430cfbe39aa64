import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import {
  DEFAULT_PANEL_LAYOUT,
  panelLayoutItem,
  type PanelLayout,
} from '@/utils/storage/panel-layout-item';
import { useStorageValue } from '../shared/use-storage-value';

export { clampWidth, PANEL_WIDTH, type PanelLayout } from '@/utils/storage/panel-layout-item';

/** A stored layout, or the default when none is stored or it does not parse. */
export const parsePanelLayout = (raw: unknown): PanelLayout => panelLayoutItem.parse(raw);

/**
 * The panel's layout, shared by every Trint tab (storage.local, so a change in one tab shows in
 * the others) and the setter that remembers a change: the background stores it, since a
 * content script writes no storage (see utils/storage/).
 *
 * A change made here shows at once and stays until storage holds it: the store is a message
 * away, so a second quick change (two arrow presses) would otherwise start from the width before
 * the first, and a store still on its way would briefly show the older width.
 */
export function usePanelLayout(): [PanelLayout, (change: Partial<PanelLayout>) => void] {
  const stored = useStorageValue(panelLayoutItem);
  const [requested, setRequested] = useState<PanelLayout>();
  useEffect(() => {
    if (requested && stored && sameLayout(stored, requested)) setRequested(undefined);
  }, [stored, requested]);
  const layout = requested ?? stored ?? DEFAULT_PANEL_LAYOUT;
  const update = useCallback(
    (change: Partial<PanelLayout>) => {
      const next = { ...layout, ...change };
      setRequested(next);
      const { collapsed, width } = next;
      // A failed store shows what is stored again: the layout is a convenience, and the next
      // change stores again.
      saveInOrder(
        () => sendTrintMessage('panel/save-layout', { collapsed, width }),
        () => setRequested((current) => (current === next ? undefined : current)),
      );
    },
    [layout],
  );
  return [layout, update];
}

function sameLayout(a: PanelLayout, b: PanelLayout): boolean {
  return a.collapsed === b.collapsed && a.width === b.width;
}

/** The saves this tab has asked for, one after another. */
let saving: Promise<unknown> = Promise.resolve();

/**
 * Sends a layout save only once the one before it was answered: two quick resizes are two
 * messages, and the background's answers to them may finish in either order, so an older width
 * could otherwise be stored last (and come back after a reload).
 */
function saveInOrder(save: () => Promise<unknown>, onFailure: () => void) {
  saving = saving.then(save).catch(onFailure);
}
