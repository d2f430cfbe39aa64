import type { NamesCache } from '@/utils/names/names-cache';
import type { MessageHandlers } from './message-router';

/**
 * 'names/get': what the connected location's users and custom fields are called, for the panel
 * (assignees, the task form's choice of assignee), the popup (which optional scope is missing)
 * and the options page. Empty lists when nothing is known: the UI then shows ids, as before.
 */
export function createNamesHandlers(names: NamesCache): Pick<MessageHandlers, 'names/get'> {
  return {
    async 'names/get'() {
      const known = await names.get();
      return {
        users: known?.users ?? [],
        customFields: known?.customFields ?? [],
        missingScopes: known?.missingScopes ?? [],
      };
    },
  };
}
