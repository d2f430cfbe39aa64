import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ConnectionStatus } from '@/utils/messaging/connection-status-schema';
import { connectionStatusItem } from '../connection-status-item';
import { createKeptValues } from '../kept-values';
import { installKeptBacking } from '../stored-item';
import { STORED_ITEMS } from '../stored-items';
import { DEFAULT_SYNC_SETTINGS } from '../sync-settings';
import { syncSettingsItem } from '../sync-settings-item';

// A database per test: a connection left open would block deleting it.
let db = 0;
const fail = (error: unknown) => {
  throw error;
};

/** A background start: the kept values restored from IndexedDB into storage.session. */
async function start() {
  const backing = createKeptValues(`kept-values-test-${db}`, STORED_ITEMS, fail);
  installKeptBacking(backing);
  await backing.ready;
}

/** The browser closing: storage.session is emptied, storage.local and IndexedDB stay. */
async function restartBrowser() {
  await fakeBrowser.storage.session.clear();
}

const CONNECTED: ConnectionStatus = {
  state: 'connected',
  kind: 'pit',
  locationId: 'loc-1',
  scopes: ['contacts.readonly'],
  canWrite: false,
  since: 1,
};

describe('kept values', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    db += 1;
  });
  afterEach(() => installKeptBacking(undefined));

  it('outlive the browser closing, and what a content script writes to storage.local is ignored', async () => {
    await start();
    const settings = { ...DEFAULT_SYNC_SETTINGS, auditRetentionDays: 90 };
    await syncSettingsItem.write(settings);
    expect(await fakeBrowser.storage.local.get('syncSettings')).toEqual({});

    await fakeBrowser.storage.local.set({ syncSettings: { ...settings, auditRetentionDays: 1 } });
    expect(await syncSettingsItem.read()).toEqual(settings);
    await restartBrowser();
    await start();
    expect(await syncSettingsItem.read()).toEqual(settings);
    expect(
      await fakeBrowser.storage.local.get('syncSettings'),
      'the planted value is gone',
    ).toEqual({});
  });

  it('take over, once, the values an older version kept in storage.local', async () => {
    const old = { ...DEFAULT_SYNC_SETTINGS, otherMinutes: 240 };
    await fakeBrowser.storage.local.set({ syncSettings: old, syncStatus: { running: true } });
    await start();
    expect(await syncSettingsItem.read()).toEqual(old);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});

    // Later, a content script plants settings where the old version kept them.
    await syncSettingsItem.remove();
    await fakeBrowser.storage.local.set({ syncSettings: { ...old, auditRetentionDays: 1 } });
    await restartBrowser();
    await start();
    expect(await syncSettingsItem.read()).toEqual(DEFAULT_SYNC_SETTINGS);
  });

  it('copy what panels need to storage.local, rewritten from the kept value at each start', async () => {
    await start();
    await connectionStatusItem.write(CONNECTED);
    expect((await fakeBrowser.storage.local.get('connectionStatus')).connectionStatus).toEqual(
      CONNECTED,
    );
    await fakeBrowser.storage.local.set({ connectionStatus: { ...CONNECTED, locationId: 'evil' } });
    expect(await connectionStatusItem.read()).toEqual(CONNECTED);
    await restartBrowser();
    await start();
    expect((await fakeBrowser.storage.local.get('connectionStatus')).connectionStatus).toEqual(
      CONNECTED,
    );
  });
});
