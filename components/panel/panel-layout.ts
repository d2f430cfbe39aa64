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
      void sendTrintMessage('panel/save-layout', { collapsed, width }).catch(() => {});
    },
    [layout],
  );
  return [layout, update];
}
