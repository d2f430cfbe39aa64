// Our scheduler in the sync benchmark: the real sync engine of one extension, woken by its 30 s
// alarm as the background is, against its own Sandbox location, through the first full sync and
// then one measured hour of GHL-side edits.
import { createSandbox } from '../../sandbox/sandbox-handler';
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import { SYNC_ALARM_PERIOD_MINUTES } from '../../utils/sync/sync-alarm';
import { benchExtension } from '../support/bench-extension';
import { createFakeClock } from '../../test/support/fake-clock';
import { createTrafficRecorder } from '../support/traffic';
import { applyEdit, editStream, TIERS, type Tier } from './edit-stream';
import { createStalenessTracker } from './staleness';
import type { SyncScenario } from './scenario';

const ALARM_MS = SYNC_ALARM_PERIOD_MINUTES * 60_000;
/** The first full sync is cut short after this (N = 5,000 needs longer at 25 contacts a run). */
export const WARM_UP_MAX_MS = 3_600_000;

/** Runs the scenario with our scheduler; answers its traffic, first-sync facts and staleness. */
export async function runScheduler(scenario: SyncScenario, log: (line: string) => void) {
  const sim = createFakeClock({ settle: 'idle' });
  const traffic = createTrafficRecorder(sim.now);
  const sandbox = createSandbox({
    clock: sim.clock,
    contacts: scenario.contacts,
  });
  sandbox.state.faults.arm({ latencyMs: scenario.latencyMs });
  const staleness = createStalenessTracker();
  const ext = await sim.run(
    benchExtension({
      fetch: traffic.observe(createSandboxFetch(sandbox)),
      clock: sim.clock,
      name: `scheduler-${scenario.n}`,
      onTranscriptChanged: (change) =>
        staleness.seeContact(change.contactId, sim.now(), (part) =>
          traffic.lastReadAt(change.contactId, part),
        ),
    }),
  );
  const { byTier, transcripts } = scenario;
  for (let i = 0; i < transcripts.length; i += 1) {
    await sim.run(ext.link(transcripts[i]!.transcriptId, transcripts[i]!.contactId));
  }
  for (const t of transcripts.filter((t) => t.tier === 'recent')) {
    await sim.run(ext.transcripts.markViewed(t.transcriptId));
  }
  for (const t of transcripts.filter((t) => t.tier === 'open')) ext.open.add(t.transcriptId);

  // The background's alarm: a run every 30 s; one still going makes the next tick a no-op.
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const alarm = async () => {
    while (!stopped) {
      running ??= ext.engine.run('alarm').finally(() => (running = undefined));
      await sim.clock.sleep(ALARM_MS);
    }
  };
  void alarm();

  // The first full sync, until every linked contact has been read once or for an hour at most
  // (measured apart): the hour after it is the steady state.
  const started = sim.now();
  const linked = new Set(transcripts.map((t) => t.contactId));
  while (!traffic.allRead(linked) && sim.now() - started < WARM_UP_MAX_MS) {
    await sim.advanceTo(sim.now() + ALARM_MS);
  }
  if (running) await sim.run(running);
  const firstSync = {
    ms: sim.now() - started,
    done: traffic.readCount(linked),
    ...traffic.summary(),
  };
  log(
    `N=${scenario.n}: first sync ${Math.round(firstSync.ms / 60_000)} simulated min, ` +
      `${firstSync.done} of ${linked.size} contacts read`,
  );

  // The measured hour, from the next alarm tick, with the edits.
  traffic.reset();
  const hourStart = sim.now();
  for (const edit of editStream(byTier, scenario.hourMs)) {
    void sim.clock.sleep(edit.offsetMs).then(() => {
      staleness.made(edit, sim.now());
      return applyEdit(sandbox, edit);
    });
  }
  await sim.advanceTo(hourStart + scenario.hourMs);
  const hour = traffic.summary();
  traffic.stopCounting();
  // Edits of the hour's end still get their chance to show: run on until all are seen.
  const drainEnd = sim.now() + scenario.drainMs;
  while (staleness.pendingCount() > 0 && sim.now() < drainEnd) {
    await sim.advanceTo(Math.min(drainEnd, sim.now() + 5 * 60_000));
  }
  stopped = true;
  await sim.run(running ?? Promise.resolve());
  const stale = Object.fromEntries(
    TIERS.map((tier) => [tier, staleness.stats(tier, sim.now())]),
  ) as Record<Tier, ReturnType<typeof staleness.stats>>;
  return { firstSync, hour, staleness: stale };
}
