// The engine's simulated day: one person's extension (the real background, woken by its 30 s
// alarm) against its own Sandbox location, through the first full sync and then 24 simulated
// hours of GHL-side edits, with "today" transcripts viewed again as the day goes on and a few
// dormant ones opened. Only the engine's public API is used (run, refreshContact), so a new
// engine is measured by the same harness.
import { performance } from 'node:perf_hooks';
import { createSandbox } from '../../sandbox/sandbox-handler';
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import { createFakeClock } from '../../test/support/fake-clock';
import { benchExtension } from '../support/bench-extension';
import { createTrafficRecorder } from '../support/traffic';
import { applyEdit, tieredEditStream } from '../sync/edit-stream';
import { createStalenessTracker } from '../sync/staleness';
import { DAY_EDIT_INTERVAL_MS, type DayScenario } from './day-scenario';
import { firstFullSync, linkWithTiers, startAlarm } from './day-setup';
import { DAY_TIERS, engineTierOf, needsReview, REVIEW_CHECK_MS, type DayTier } from './day-tiers';
import { createOpenTracker, EDIT_BEFORE_OPEN_MS } from './dormant-opens';

const HOUR_MS = 3_600_000;
/** A dormant transcript opened during the day stays open in its tab this long. */
const OPEN_FOR_MS = 10 * 60_000;

/** Runs the day; answers the first sync, the day's traffic (hour by hour), staleness and opens. */
export async function runDay(scenario: DayScenario, log: (line: string) => void) {
  const wallStart = performance.now();
  const sim = createFakeClock({ settle: 'idle' });
  const traffic = createTrafficRecorder(sim.now);
  const sandbox = createSandbox({ clock: sim.clock, contacts: scenario.n });
  sandbox.state.faults.arm({ latencyMs: scenario.latencyMs });
  const staleness = createStalenessTracker<DayTier>();
  const opens = createOpenTracker();
  const ext = await sim.run(
    benchExtension({
      fetch: traffic.observe(createSandboxFetch(sandbox)),
      clock: sim.clock,
      name: `day-${scenario.n}`,
      onTranscriptChanged: ({ contactId }) => {
        const now = sim.now();
        staleness.seeContact(contactId, now, (part) => traffic.lastReadAt(contactId, part));
        opens.seeContact(contactId, now, traffic.lastReadAt(contactId, 'contact'));
      },
    }),
  );

  // Links and last views per tier, the alarm, the first full sync (see day-setup.ts).
  const { transcripts } = scenario;
  const viewedAt = await linkWithTiers(sim, ext, transcripts);
  const tierCheck = (now: number) =>
    transcripts.filter(
      (t) =>
        !ext.open.has(t.transcriptId) &&
        !scenario.opens.some((o) => o.transcriptId === t.transcriptId) &&
        engineTierOf(viewedAt.get(t.transcriptId)!, now) !== t.tier,
    ).length;
  const misplacedAtStart = tierCheck(sim.now());
  const alarm = startAlarm(sim, ext);
  const contactIds = transcripts.map((t) => t.contactId);
  const firstSync = await firstFullSync(sim, traffic, alarm, contactIds, scenario.firstSyncMaxMs);
  log(
    `N=${scenario.n}: first sync ${Math.round(firstSync.ms / 60_000)} simulated min, ` +
      `${firstSync.done} of ${firstSync.total} contacts read, ${firstSync.requests} requests ` +
      `(${((performance.now() - wallStart) / 1000).toFixed(0)} s)`,
  );

  // The day, from here.
  traffic.reset();
  const dayStart = sim.now();
  for (const edit of tieredEditStream(
    DAY_TIERS,
    DAY_EDIT_INTERVAL_MS,
    scenario.byTier,
    scenario.dayMs,
  )) {
    void sim.clock.sleep(edit.offsetMs).then(() => {
      staleness.made(edit, sim.now());
      return applyEdit(sandbox, edit);
    });
  }
  // A person opens a dormant transcript just after someone edited its contact in GHL: the
  // background records the view, the tab counts as open, and the panel's opening refreshes the
  // contact (transcript-handlers.ts: transcript/opened).
  scenario.opens.forEach((open, k) => {
    void (async () => {
      await sim.clock.sleep(open.atMs - EDIT_BEFORE_OPEN_MS);
      const editedAt = sim.now();
      await applyEdit(sandbox, { contactId: open.contactId, seq: -1 - k, part: 'contact' });
      await sim.clock.sleep(EDIT_BEFORE_OPEN_MS);
      opens.opened({ ...open, editedAt, openedAt: sim.now() });
      await ext.transcripts.markViewed(open.transcriptId);
      viewedAt.set(open.transcriptId, sim.now());
      ext.open.add(open.transcriptId);
      await ext.engine.refreshContact(open.contactId, 'panel-open').catch(() => {});
      await sim.clock.sleep(OPEN_FOR_MS);
      ext.open.delete(open.transcriptId);
    })();
  });
  // "Today" transcripts are viewed again before they turn 24 h old (a view: no GHL request).
  const today = transcripts.filter((t) => t.tier === 'today');
  let views = 0;
  let stopped = false;
  void (async () => {
    while (!stopped) {
      for (const t of today) {
        if (!needsReview(viewedAt.get(t.transcriptId)!, sim.now())) continue;
        await ext.transcripts.markViewed(t.transcriptId);
        viewedAt.set(t.transcriptId, sim.now());
        views += 1;
      }
      await sim.clock.sleep(REVIEW_CHECK_MS);
    }
  })();

  // Requests per stretch of the day (an hour; a quarter of a shorter smoke day).
  const bucketMs = Math.min(HOUR_MS, scenario.dayMs / 4);
  const hourly: number[] = [];
  for (let k = 1; k * bucketMs <= scenario.dayMs; k += 1) {
    await sim.advanceTo(dayStart + k * bucketMs);
    hourly.push(traffic.summary().requests - hourly.reduce((a, b) => a + b, 0));
  }
  await sim.advanceTo(dayStart + scenario.dayMs);
  const day = traffic.summary();
  const misplacedAtEnd = tierCheck(sim.now());
  traffic.stopCounting();
  log(
    `N=${scenario.n}: day ${day.requests} requests ` +
      `(${((performance.now() - wallStart) / 1000).toFixed(0)} s)`,
  );

  // Edits of the day's end still get their chance to show (a dormant one up to a day later).
  const drainEnd = sim.now() + scenario.drainMs;
  while (staleness.pendingCount() + opens.pendingCount() > 0 && sim.now() < drainEnd) {
    await sim.advanceTo(Math.min(drainEnd, sim.now() + 5 * 60_000));
  }
  const drainedMs = sim.now() - (dayStart + scenario.dayMs);
  stopped = true;
  await alarm.stop();
  const stale = Object.fromEntries(
    DAY_TIERS.map((tier) => [tier, staleness.stats(tier, sim.now())]),
  ) as Record<DayTier, ReturnType<typeof staleness.stats>>;
  const wallMs = performance.now() - wallStart;
  log(
    `N=${scenario.n}: drained ${Math.round(drainedMs / 60_000)} simulated min; wall ${(wallMs / 1000).toFixed(0)} s`,
  );
  return {
    firstSync,
    day,
    hourly,
    bucketMs,
    staleness: stale,
    opens: opens.results(),
    views,
    misplaced: { atStart: misplacedAtStart, atEnd: misplacedAtEnd },
    drainedMs,
    wallMs,
  };
}

/** See {@link runDay}. */
export type DayResult = Awaited<ReturnType<typeof runDay>>;
