import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import {
  DEFAULT_PANEL_SECTIONS,
  panelSectionsItem,
  type PanelSection,
} from '@/utils/storage/panel-sections-item';
import { useStorageValue } from '../../shared/use-storage-value';

/** What {@link useSectionMemory} gives. */
export interface SectionMemory {
  collapsed(section: PanelSection): boolean;
  toggle(section: PanelSection): void;
}

/**
 * Which of the panel's sections the person collapsed for this contact, remembered per contact
 * (panelSectionsItem) so it survives a reload and follows them to every tab showing the contact.
 * The background writes it; until its answer the stored value shows the old state for a moment,
 * which the watch then replaces.
 */
export function useSectionMemory(contactId: string): SectionMemory {
  const stored = useStorageValue(panelSectionsItem) ?? DEFAULT_PANEL_SECTIONS;
  const mine = stored.collapsed[contactId] ?? [];
  return {
    collapsed: (section) => mine.includes(section),
    toggle(section) {
      const next = mine.includes(section) ? mine.filter((s) => s !== section) : [...mine, section];
      sendTrintMessage('panel/save-sections', { contactId, collapsed: next }).catch(() => {
        // Not remembered (the background is gone for a moment): the section stays as it was.
      });
    },
  };
}

/** Every section open and staying so: for a section drawn outside a contact's card (and tests). */
export const ALL_OPEN: SectionMemory = { collapsed: () => false, toggle: () => {} };
