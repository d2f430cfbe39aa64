import { describe, expect, it } from 'vitest';
import { JANE, SAM, syncUnderTest, type SyncHarness } from './sync-harness';

const SECOND = 1000;
const MINUTE = 60_000;

/** GHL requests that reached the Sandbox since `from`. */
const requestsSince = (h: SyncHarness, from: number) => h.arrivals.length - from;

/** GHL's daily limit per location (the Sandbox's default). */
const DAILY = 200_000;

/**
 * `left` of the location's daily limit unspent, as if teammates had spent the rest; one
 * person's request makes the limiter read it.
 */
async function quotaLeft(h: SyncHarness, left: number) {
  await h.control('POST', 'rate-limits', { leaveToday: { count: left + 1 } });
  await h.drive(h.client.contacts.get(SAM));
}

describe('sync engine: the location’s daily quota (issue 17)', () => {
  it('with plenty left, the open tab is synced every 30 s and the status counts the requests', async () => {
    const h = syncUnderTest();
    await h.link('t-open', JANE);
    h.state.open = ['t-open'];
    await quotaLeft(h, 180_000);
    await h.run();
    const from = h.arrivals.length;
    await h.fake.advance(31 * SECOND);
    await h.run();
    expect(requestsSince(h, from)).toBeGreaterThan(0);
    const status = await h.engine.status();
    expect(status.quota).toMatchObject({ limit: DAILY, pressure: 'normal' });
  });

  it('under 20% left, every tier waits four times as long', async () => {
    const h = syncUnderTest();
    await h.link('t-open', JANE);
    h.state.open = ['t-open'];
    await quotaLeft(h, 30_000);
    await h.run();
    expect((await h.engine.status()).quota?.pressure).toBe('slow');
    let from = h.arrivals.length;
    await h.fake.advance(61 * SECOND);
    await h.run();
    expect(requestsSince(h, from)).toBe(0);
    from = h.arrivals.length;
    await h.fake.advance(61 * SECOND);
    await h.run();
    expect(requestsSince(h, from)).toBeGreaterThan(0);
  });

  it('under 5% left, runs of every link stop; a person’s own reads still go', async () => {
    const h = syncUnderTest();
    await h.link('t-open', JANE);
    h.state.open = ['t-open'];
    await quotaLeft(h, 8_000);
    const from = h.arrivals.length;
    for (let i = 0; i < 5; i += 1) {
      await h.fake.advance(31 * SECOND);
      expect((await h.run()).outcome).toBe('skipped');
    }
    expect(requestsSince(h, from)).toBe(0);
    const status = await h.engine.status();
    expect(status.quota?.pressure).toBe('paused');
    // GHL does not say when its day resets: no next sync is promised.
    expect(status.nextRunAt).toBeUndefined();
    expect((await h.run('sync-now')).outcome).toBe('skipped');
    expect(requestsSince(h, from)).toBe(0);
    await expect(h.drive(h.client.contacts.get(JANE))).resolves.toMatchObject({ id: JANE });
    const opened = await h.drive(h.engine.refreshContact(JANE));
    expect(opened.outcome).toBe('ok');
  });

  it('a run the pause stops midway is not a failure: what it checked is ok', async () => {
    const h = syncUnderTest();
    await h.link('t-open', JANE);
    await h.link('t-recent', SAM);
    h.state.open = ['t-open', 't-recent'];
    // 7 over the pause: the bulk reads of both (contact scan, search by ids, task search, the
    // calendars and the events of two), one contact's notes, then the pause.
    await quotaLeft(h, 10_007);
    await h.fake.advance(31 * SECOND);
    const run = await h.run();
    expect(run.errors.length).toBeGreaterThan(0);
    expect(run.outcome).toBe('ok');
    expect(run.contactsChecked).toBeGreaterThan(0);
  });

  it('resumes when GHL reports the new day’s quota', async () => {
    const h = syncUnderTest();
    await h.link('t-open', JANE);
    h.state.open = ['t-open'];
    await quotaLeft(h, 8_000);
    await h.fake.advance(31 * SECOND);
    expect((await h.run()).outcome).toBe('skipped');
    // The reset: GHL's next answer carries the whole limit again.
    await h.control('POST', 'rate-limits', { dailyLimit: 2 * DAILY });
    await h.fake.advance(6 * MINUTE);
    await h.drive(h.client.contacts.get(SAM));
    const from = h.arrivals.length;
    expect((await h.run()).outcome).toBe('ok');
    expect(requestsSince(h, from)).toBeGreaterThan(0);
    expect((await h.engine.status()).quota?.pressure).toBe('normal');
  });

  it('paces this person for the team when the location spends faster than the team’s share', async () => {
    const h = syncUnderTest();
    await h.link('t-open', JANE);
    h.state.open = ['t-open'];
    await quotaLeft(h, 180_000);
    const start = h.arrivals.length;
    let teamSpent = 0;
    await h.run();
    /** Runs the alarm for `minutes` while teammates spend `teamPerMinute` a minute. */
    async function alarms(minutes: number, teamPerMinute: number) {
      const from = h.arrivals.length;
      for (let step = 0; step < minutes * 2; step += 1) {
        teamSpent += teamPerMinute / 2;
        const left = 180_000 - teamSpent - (h.arrivals.length - start);
        await h.control('POST', 'rate-limits', { leaveToday: { count: left } });
        await h.fake.advance(30 * SECOND);
        await h.run();
      }
      return h.arrivals.length - from;
    }
    // 15 minutes alone: the open tab every 30 s, no cut.
    const alone = await alarms(15, 0);
    expect((await h.engine.status()).budget).toBeUndefined();
    // Teammates spend 300 a minute (432,000 a day): over the team's 100,000.
    await alarms(30, 300);
    const status = await h.engine.status();
    // The team's 50% share (100,000 a day), paced with the budget's 10% margin.
    expect(status.budget?.team?.teamPerDay).toBe(90_000);
    // The last hour's pace: 15 quiet minutes, then 30 at 300 a minute.
    expect(status.budget?.team?.locationPerDay).toBeGreaterThan(200_000);
    expect(status.budget?.requestsPerDay).toBeLessThan(20_000);
    expect(status.budget?.openStretch).toBeGreaterThan(1);
    // The next 15 minutes cost this extension less than its 15 minutes alone.
    const paced = await alarms(15, 300);
    expect(paced).toBeLessThan(alone / 2);
  });
});
