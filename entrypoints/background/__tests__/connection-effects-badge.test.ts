import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ConnectionStatus } from '@/utils/auth/connection-status';
import { IDLE_SYNC_STATUS, type SyncStatus } from '@/utils/storage/sync-status';
import { CONNECTION_STATUS_KEY } from '@/utils/storage/connection-status-item';
import { SYNC_STATUS_KEY } from '@/utils/storage/sync-status-item';
import { createConnectionEffects } from '../connection-effects';

const { publishStatus, publishSyncStatus } = createConnectionEffects(browser);

const base = {
  kind: 'pit' as const,
  locationId: 'loc1',
  scopes: ['contacts.readonly', 'contacts.write'],
  canWrite: true,
  since: 0,
};
const CONNECTED: ConnectionStatus = { ...base, state: 'connected' };
const RECONNECT: ConnectionStatus = { ...base, state: 'reconnect-needed', reconnectReason: 'r' };
const SANDBOX: ConnectionStatus = { ...base, kind: 'sandbox', state: 'connected' };

const withFailed = (failed: number): SyncStatus => ({
  ...IDLE_SYNC_STATUS,
  lastRun: {
    startedAt: 1,
    endedAt: 2,
    outcome: 'ok',
    requests: 4,
    contactsChecked: 1,
    changes: 0,
    errors: 0,
  },
  outbox: { pending: 1, waiting: 0, failed },
});

describe('the toolbar badge shows both the connection and the failed writes', () => {
  beforeEach(() => fakeBrowser.reset());

  it('publishes the sync status to storage.session for the popup', async () => {
    await publishSyncStatus(withFailed(2));
    expect((await browser.storage.session.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]).toEqual(
      withFailed(2),
    );
  });

  it.each<[string, ConnectionStatus, number, string]>([
    ['reconnect needed wins over failed writes', RECONNECT, 3, '!'],
    ['connected with failed writes counts them', CONNECTED, 2, '2'],
    ['failed writes show in Sandbox mode too', SANDBOX, 1, '1'],
    ['Sandbox mode with no failures', SANDBOX, 0, 'SBX'],
    ['connected with nothing to do', CONNECTED, 0, ''],
    ['a count too long for the badge', CONNECTED, 150, '99+'],
  ])('%s, whichever was published last', async (_name, connection, failed, text) => {
    await publishStatus(connection);
    await publishSyncStatus(withFailed(failed));
    expect(await browser.action.getBadgeText({})).toBe(text);

    fakeBrowser.reset();
    await publishSyncStatus(withFailed(failed));
    await publishStatus(connection);
    expect(await browser.action.getBadgeText({})).toBe(text);
    expect(
      (await browser.storage.session.get(CONNECTION_STATUS_KEY))[CONNECTION_STATUS_KEY],
    ).toEqual(connection);
  });

  it('says in the tooltip how many writes failed and where to fix them', async () => {
    await publishStatus(CONNECTED);
    await publishSyncStatus(withFailed(2));
    expect(await browser.action.getTitle({})).toBe(
      'GHL for Trint: 2 changes could not be sent to GHL. Open to retry or discard.',
    );
  });

  it('clears the count once the failed writes are retried or discarded', async () => {
    await publishStatus(SANDBOX);
    await publishSyncStatus(withFailed(2));
    expect(await browser.action.getBadgeText({})).toBe('2');
    await publishSyncStatus(withFailed(0));
    expect(await browser.action.getBadgeText({})).toBe('SBX');
  });

  it('reads a malformed stored sync status as no failures', async () => {
    await browser.storage.session.set({ [SYNC_STATUS_KEY]: { outbox: { failed: 'lots' } } });
    await publishStatus(SANDBOX);
    expect(await browser.action.getBadgeText({})).toBe('SBX');
  });
});
