import { useCallback } from 'preact/hooks';
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
 */
export function usePanelLayout(): [PanelLayout, (change: Partial<PanelLayout>) => void] {
  const layout = useStorageValue(panelLayoutItem) ?? DEFAULT_PANEL_LAYOUT;
  const update = useCallback(
    (change: Partial<PanelLayout>) => {
      const { collapsed, width } = { ...layout, ...change };
      saveInOrder(() => sendTrintMessage('panel/save-layout', { collapsed, width }));
    },
    [layout],
  );
  return [layout, update];
}

/** The saves this tab has asked for, one after another. */
let saving: Promise<unknown> = Promise.resolve();

/**
 * Sends a layout save only once the one before it was answered: two quick resizes are two
 * messages, and the background's answers to them may finish in either order, so an older width
 * could otherwise be stored last (and come back after a reload). A failed save is dropped: the
 * layout is a convenience, and the next change saves again.
 */
function saveInOrder(save: () => Promise<unknown>) {
  saving = saving.then(save).catch(() => {});
}
