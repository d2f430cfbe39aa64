import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MessageRefused } from '../message-router';
import { LAST_CONNECT_ERROR_KEY } from '@/utils/storage/last-connect-error-item';
import { LOG_SETTINGS_KEY } from '@/utils/storage/log-settings-item';
import { PANEL_LAYOUT_KEY } from '@/utils/storage/panel-layout-item';
import {
  MAX_REMEMBERED_CONTACTS,
  PANEL_SECTIONS_KEY,
  panelSectionsItem,
} from '@/utils/storage/panel-sections-item';
import { SYNC_SETTINGS_KEY } from '@/utils/storage/sync-settings-item';
import { DEFAULT_SYNC_SETTINGS } from '@/utils/storage/sync-settings';
import { createSettingsHandlers } from '../settings-handlers';

/** A kept value (settings): where the popup and options page read it. */
const stored = async (key: string) => (await fakeBrowser.storage.session.get(key))[key];
/** A panel's own value: storage.local, where Trint tabs read it. */
const storedForPanels = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('settings handlers', () => {
  const handlers = createSettingsHandlers();
  beforeEach(() => fakeBrowser.reset());

  it('stores valid sync settings', async () => {
    const settings = { ...DEFAULT_SYNC_SETTINGS, tasks: false };
    await expect(handlers['settings/save']({ settings }, 'extension-page')).resolves.toEqual({});
    expect(await stored(SYNC_SETTINGS_KEY)).toEqual(settings);
  });

  it.each([
    ['a field out of bounds', { ...DEFAULT_SYNC_SETTINGS, openTabSeconds: 5 }],
    ['a field missing', { version: 1 }],
    ['a field it does not know', { ...DEFAULT_SYNC_SETTINGS, extra: true }],
  ])('refuses sync settings with %s, storing nothing', async (_name, settings) => {
    await expect(handlers['settings/save']({ settings }, 'extension-page')).rejects.toThrow(
      MessageRefused,
    );
    expect(await stored(SYNC_SETTINGS_KEY)).toBeUndefined();
  });

  it('stores the panel layout a tab sends, as version 1', async () => {
    await handlers['panel/save-layout']({ collapsed: true, width: 420 }, 'trint-tab');
    expect(await storedForPanels(PANEL_LAYOUT_KEY)).toEqual({
      version: 1,
      collapsed: true,
      width: 420,
    });
  });

  it('stores what a transcript log carries', async () => {
    await handlers['settings/save-log']({ content: 'link' }, 'extension-page');
    expect(await stored(LOG_SETTINGS_KEY)).toEqual({ version: 1, content: 'link' });
    // The panel reads its copy when a person logs.
    expect(await storedForPanels(LOG_SETTINGS_KEY)).toEqual({ version: 1, content: 'link' });
  });

  it('remembers collapsed sections per contact, forgetting a contact with none', async () => {
    await handlers['panel/save-sections']({ contactId: 'a', collapsed: ['notes'] }, 'trint-tab');
    await handlers['panel/save-sections'](
      { contactId: 'b', collapsed: ['tasks', 'activity'] },
      'trint-tab',
    );
    expect(await storedForPanels(PANEL_SECTIONS_KEY)).toEqual({
      version: 1,
      collapsed: { a: ['notes'], b: ['tasks', 'activity'] },
    });
    await handlers['panel/save-sections']({ contactId: 'a', collapsed: [] }, 'trint-tab');
    expect((await panelSectionsItem.read()).collapsed).toEqual({ b: ['tasks', 'activity'] });
  });

  it('keeps the sections of the contacts changed last, up to its cap', async () => {
    for (let n = 0; n <= MAX_REMEMBERED_CONTACTS; n += 1) {
      await handlers['panel/save-sections'](
        { contactId: `c${n}`, collapsed: ['notes'] },
        'trint-tab',
      );
    }
    const { collapsed } = await panelSectionsItem.read();
    expect(Object.keys(collapsed)).toHaveLength(MAX_REMEMBERED_CONTACTS);
    expect(collapsed.c0).toBeUndefined();
    expect(collapsed[`c${MAX_REMEMBERED_CONTACTS}`]).toEqual(['notes']);
  });

  it('forgets the last sign-in failure', async () => {
    await fakeBrowser.storage.session.set({ [LAST_CONNECT_ERROR_KEY]: { message: 'no', at: 1 } });
    await handlers['connection/forget-error']({}, 'extension-page');
    expect(await stored(LAST_CONNECT_ERROR_KEY)).toBeUndefined();
  });
});
