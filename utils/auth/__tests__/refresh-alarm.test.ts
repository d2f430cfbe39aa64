import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createFakeClock } from '../../../test/support/fake-clock';
import { OAUTH_REFRESH_AHEAD_MS } from '../../ghl/oauth-token-provider';
import type { StoredConnection } from '../connection-records';
import { createCredentialStore } from '../credential-store';
import { scheduleTokenRefresh, TOKEN_REFRESH_ALARM } from '../refresh-alarm';

const HOUR = 3_600_000;
let dbCount = 0;

function connection(changes: Partial<StoredConnection> = {}): StoredConnection {
  return {
    credentialId: 'c1',
    kind: 'oauth',
    locationId: 'loc1',
    scopes: ['contacts.readonly'],
    connectedAt: 0,
    credential: { type: 'oauth', accessToken: 'at', refreshToken: 'rt', expiresAt: 24 * HOUR },
    health: { state: 'ok' },
    ...changes,
  };
}

describe('scheduleTokenRefresh', () => {
  beforeEach(() => fakeBrowser.reset());

  async function scheduled(stored: StoredConnection | undefined, now: number) {
    const store = createCredentialStore(`refresh-alarm-${(dbCount += 1)}`);
    if (stored) await store.saveConnection(stored);
    const fake = createFakeClock(now);
    await browser.alarms.create(TOKEN_REFRESH_ALARM, { when: 1 }); // a stale one
    await scheduleTokenRefresh(store, fake.clock);
    return (await browser.alarms.get(TOKEN_REFRESH_ALARM))?.scheduledTime;
  }

  it('wakes up when OAuth tokens enter the refresh-ahead margin', async () => {
    expect(await scheduled(connection(), HOUR)).toBe(24 * HOUR - OAUTH_REFRESH_AHEAD_MS);
  });

  it('tries again a minute from now when the margin has passed (a refresh failed)', async () => {
    expect(await scheduled(connection(), 24 * HOUR - 60_000)).toBe(24 * HOUR);
    expect(await scheduled(connection(), 30 * HOUR)).toBe(30 * HOUR + 60_000);
  });

  it.each<[string, StoredConnection | undefined]>([
    ['not connected', undefined],
    [
      'a Private Integration token',
      connection({ kind: 'pit', credential: { type: 'pit', token: 'pit' } }),
    ],
    ['Sandbox mode', connection({ kind: 'sandbox', credential: { type: 'sandbox' } })],
    [
      'a connection that needs reconnecting',
      connection({ health: { state: 'reconnect-needed', reason: 'r', at: 0, notified: true } }),
    ],
  ])('clears the alarm for %s', async (_name, stored) => {
    expect(await scheduled(stored, HOUR)).toBeUndefined();
  });
});
