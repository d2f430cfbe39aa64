import { MessageRefused, type MessageHandlers } from './message-router';
import { lastConnectErrorItem } from '@/utils/storage/last-connect-error-item';
import { logSettingsItem } from '@/utils/storage/log-settings-item';
import { panelLayoutItem } from '@/utils/storage/panel-layout-item';
import { panelSectionsItem, withCollapsed } from '@/utils/storage/panel-sections-item';
import { syncSettingsItem } from '@/utils/storage/sync-settings-item';
import { syncSettingsSchema } from '@/utils/storage/sync-settings';

type SettingsMessages =
  | 'settings/save'
  | 'settings/save-log'
  | 'panel/save-layout'
  | 'panel/save-sections'
  | 'connection/forget-error';

/**
 * The stored items other contexts change: they ask, the background writes (utils/storage/), so
 * every write is checked here. Open panels hear of new sync settings through the item's watch
 * (background/index.ts), whoever changed them.
 */
export function createSettingsHandlers(): Pick<MessageHandlers, SettingsMessages> {
  return {
    async 'settings/save'({ settings }) {
      const parsed = syncSettingsSchema.safeParse(settings);
      if (!parsed.success) throw new MessageRefused('These sync settings are not valid.');
      await syncSettingsItem.write(parsed.data);
      return {};
    },
    async 'panel/save-layout'({ collapsed, width }) {
      await panelLayoutItem.write({ version: 1, collapsed, width });
      return {};
    },
    async 'settings/save-log'({ content }) {
      await logSettingsItem.write({ version: 1, content });
      return {};
    },
    async 'panel/save-sections'({ contactId, collapsed }) {
      await panelSectionsItem.write(
        withCollapsed(await panelSectionsItem.read(), contactId, collapsed),
      );
      return {};
    },
    async 'connection/forget-error'() {
      await lastConnectErrorItem.remove();
      return {};
    },
  };
}
