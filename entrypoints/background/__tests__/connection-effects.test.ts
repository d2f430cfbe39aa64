import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ConnectionStatus } from '@/utils/auth/connection-status';
import { CONNECTION_STATUS_KEY } from '@/utils/storage/connection-status-item';
import { createConnectionEffects, RECONNECT_NOTIFICATION_ID } from '../connection-effects';

const { notifyReconnectNeeded, publishStatus } = createConnectionEffects(browser);

const base = {
  kind: 'pit' as const,
  locationId: 'loc1',
  scopes: ['contacts.readonly', 'contacts.write'],
  canWrite: true,
  since: 0,
};

describe('connection effects', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    for (const name of ['setBadgeText', 'setBadgeBackgroundColor', 'setTitle'] as const) {
      vi.spyOn(browser.action, name).mockResolvedValue(undefined);
    }
    vi.spyOn(browser.notifications, 'clear').mockImplementation(async () => true);
    vi.spyOn(browser.notifications, 'create').mockImplementation(
      async () => RECONNECT_NOTIFICATION_ID,
    );
  });

  it.each<[string, ConnectionStatus, string, boolean]>([
    ['reconnect needed', { ...base, state: 'reconnect-needed', reconnectReason: 'r' }, '!', false],
    ['Sandbox mode', { ...base, kind: 'sandbox', state: 'connected' }, 'SBX', true],
    ['connected', { ...base, state: 'connected' }, '', true],
    ['not connected', { state: 'not-connected' }, '', true],
  ])('publishes %s to storage and the toolbar', async (_name, status, badge, clears) => {
    await publishStatus(status);
    expect((await browser.storage.local.get(CONNECTION_STATUS_KEY))[CONNECTION_STATUS_KEY]).toEqual(
      status,
    );
    expect(browser.action.setBadgeText).toHaveBeenCalledWith({ text: badge });
    // A reconnect notification still showing goes once the connection is fine again.
    expect(vi.mocked(browser.notifications.clear).mock.calls.length).toBe(clears ? 1 : 0);
  });

  it('asks to reconnect with one notification id, so a second loss replaces the first', async () => {
    await notifyReconnectNeeded('GHL stopped accepting this connection.');
    await notifyReconnectNeeded('Again.');
    const ids = vi.mocked(browser.notifications.create).mock.calls.map(([id]) => id);
    expect(ids).toEqual([RECONNECT_NOTIFICATION_ID, RECONNECT_NOTIFICATION_ID]);
    expect(vi.mocked(browser.notifications.create).mock.calls[0]![1]).toMatchObject({
      title: 'GHL for Trint: reconnect needed',
      message: 'GHL stopped accepting this connection.',
    });
  });
});
