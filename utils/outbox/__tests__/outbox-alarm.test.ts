import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { createFakeClock } from '../../../test/support/fake-clock';
import {
  MIN_ALARM_DELAY_MS,
  OUTBOX_ALARM,
  scheduleOutboxAlarm,
  startOutbox,
} from '../outbox-schedule';
import { needsReconnect, outboxUnderTest, SAM } from './outbox-harness';

describe('scheduleOutboxAlarm', () => {
  beforeEach(() => fakeBrowser.reset());

  async function scheduled(nextWakeAt: number | undefined) {
    const fake = createFakeClock(1_000_000);
    await browser.alarms.create(OUTBOX_ALARM, { when: 1 }); // a stale one
    await scheduleOutboxAlarm({ nextWakeAt: async () => nextWakeAt }, fake.clock);
    return (await browser.alarms.get(OUTBOX_ALARM))?.scheduledTime;
  }

  it.each([
    ['a job due in five minutes', 1_000_000 + 300_000, 1_000_000 + 300_000],
    [
      'a job due in a second (Chrome waits 30 s at least)',
      1_001_000,
      1_000_000 + MIN_ALARM_DELAY_MS,
    ],
    ['a job already due', 0, 1_000_000 + MIN_ALARM_DELAY_MS],
    ['nothing queued', undefined, undefined],
  ])('for %s', async (_name, wake, expected) => {
    expect(await scheduled(wake)).toBe(expected);
  });

  it('follows the backoff of a real outbox, and clears when only waiting jobs remain', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    await h.faults({ failNext: { count: 4, status: 500 } });
    await h.run(outbox.enqueue({ kind: 'task.delete', contactId: SAM, taskId: 'sbxTaskX' }));
    await h.run(outbox.process());
    const [job] = await outbox.list();
    expect(job?.status).toBe('queued');
    await scheduleOutboxAlarm(outbox, h.fake.clock);
    expect((await browser.alarms.get(OUTBOX_ALARM))?.scheduledTime).toBe(
      Math.max(job!.nextAttemptAt, h.fake.now() + MIN_ALARM_DELAY_MS),
    );

    h.setStatus(needsReconnect());
    await h.run(outbox.process());
    await scheduleOutboxAlarm(outbox, h.fake.clock);
    expect(await browser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('runs the calls one after another: an older clear never lands after a newer alarm', async () => {
    const fake = createFakeClock(1_000_000);
    let release!: () => void;
    const slowRead = new Promise<void>((resolve) => (release = resolve));
    // The first call read "nothing queued" just before a write was queued; it answers late.
    const older = scheduleOutboxAlarm(
      { nextWakeAt: () => slowRead.then(() => undefined) },
      fake.clock,
    );
    const newer = scheduleOutboxAlarm({ nextWakeAt: async () => 1_300_000 }, fake.clock);
    for (let i = 0; i < 10; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
    release();
    await Promise.all([older, newer]);
    expect((await browser.alarms.get(OUTBOX_ALARM))?.scheduledTime).toBe(1_300_000);
  });

  it('is set when the background starts, though the start-up run sent nothing', async () => {
    const h = outboxUnderTest();
    const first = h.outbox();
    await h.faults({ failNext: { count: 4, status: 500 } });
    await h.run(first.enqueue({ kind: 'task.delete', contactId: SAM, taskId: 'sbxTaskX' }));
    await h.run(first.process());
    const due = await first.nextWakeAt();
    await first.close();
    fakeBrowser.reset(); // the browser restarted: Firefox forgot the alarm

    await h.run(startOutbox(h.outbox(), h.fake.clock));
    expect((await browser.alarms.get(OUTBOX_ALARM))?.scheduledTime).toBe(
      Math.max(due!, h.fake.now() + MIN_ALARM_DELAY_MS),
    );
  });
});
