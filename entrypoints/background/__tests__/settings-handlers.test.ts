import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MessageRefused } from '../message-router';
import { LAST_CONNECT_ERROR_KEY } from '@/utils/storage/last-connect-error-item';
import { PANEL_LAYOUT_KEY } from '@/utils/storage/panel-layout-item';
import { SYNC_SETTINGS_KEY } from '@/utils/storage/sync-settings-item';
import { DEFAULT_SYNC_SETTINGS } from '@/utils/storage/sync-settings';
import { createSettingsHandlers } from '../settings-handlers';

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

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
    expect(await stored(PANEL_LAYOUT_KEY)).toEqual({ version: 1, collapsed: true, width: 420 });
  });

  it('forgets the last sign-in failure', async () => {
    await fakeBrowser.storage.local.set({ [LAST_CONNECT_ERROR_KEY]: { message: 'no', at: 1 } });
    await handlers['connection/forget-error']({}, 'extension-page');
    expect(await stored(LAST_CONNECT_ERROR_KEY)).toBeUndefined();
  });
});
