import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearSyncAlarm, ensureSyncAlarm, SYNC_ALARM } from '../sync-alarm';

describe('sync alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is created every 30 s (Chrome’s minimum) at background start', async () => {
    await ensureSyncAlarm();
    expect(await browser.alarms.get(SYNC_ALARM)).toMatchObject({
      name: SYNC_ALARM,
      periodInMinutes: 0.5,
    });
  });

  it('is idempotent: a second start keeps the alarm and its next time', async () => {
    await ensureSyncAlarm();
    const first = await browser.alarms.get(SYNC_ALARM);
    await ensureSyncAlarm();
    expect(await browser.alarms.getAll()).toEqual([first]);
  });

  it('replaces an alarm with another period, and re-creates one lost with a restart', async () => {
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 5 });
    await ensureSyncAlarm();
    expect((await browser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(0.5);
    await browser.alarms.clearAll(); // Firefox forgets alarms on restart
    await ensureSyncAlarm();
    expect(await browser.alarms.get(SYNC_ALARM)).toBeDefined();
  });

  it('fires the listener the background registers', async () => {
    const fired: string[] = [];
    browser.alarms.onAlarm.addListener((alarm) => fired.push(alarm.name));
    await ensureSyncAlarm();
    await fakeBrowser.alarms.onAlarm.trigger((await browser.alarms.get(SYNC_ALARM))!);
    expect(fired).toEqual([SYNC_ALARM]);
    await clearSyncAlarm();
    expect(await browser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });
});
