// What every day benchmark does before its measured stretch: link the transcripts and stamp their
// last views per tier, wake the engine every 30 s as the background alarm does, and let the first
// full sync finish.
import { SYNC_ALARM_PERIOD_MINUTES } from '../../utils/sync/sync-alarm';
import type { FakeClock } from '../../test/support/fake-clock';
import type { BenchExtension } from '../support/bench-extension';
import type { createTrafficRecorder } from '../support/traffic';
import type { DayScenario } from './day-scenario';
import { viewedAtFor, type DayTier } from './day-tiers';

export const ALARM_MS = SYNC_ALARM_PERIOD_MINUTES * 60_000;

/**
 * Links every transcript, then writes its last view as its tier says (see day-tiers.ts); the
 * open one goes into a tab. Answers each transcript's last view, for the caller to keep up.
 */
export async function linkWithTiers(
  sim: FakeClock,
  ext: BenchExtension,
  transcripts: DayScenario['transcripts'],
): Promise<Map<string, number>> {
  const viewedAt = new Map<string, number>();
  const stampedAt = sim.now();
  const perTier = new Map<DayTier, number>();
  for (const t of transcripts) {
    await sim.run(ext.link(t.transcriptId, t.contactId));
    const i = perTier.get(t.tier) ?? 0;
    perTier.set(t.tier, i + 1);
    const at = viewedAtFor(t.tier, i, stampedAt);
    await sim.run(ext.viewedAt(t.transcriptId, at));
    viewedAt.set(t.transcriptId, at);
    if (t.tier === 'open') ext.open.add(t.transcriptId);
  }
  return viewedAt;
}

/**
 * The background's alarm: a run every 30 s, the first after `offsetMs` (teammates' alarms are
 * not in step); one still going makes the next tick a no-op.
 */
export function startAlarm(sim: FakeClock, ext: BenchExtension, offsetMs = 0) {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  void (async () => {
    if (offsetMs > 0) await sim.clock.sleep(offsetMs);
    while (!stopped) {
      running ??= ext.engine.run('alarm').finally(() => (running = undefined));
      await sim.clock.sleep(ALARM_MS);
    }
  })();
  return {
    /** Lets the run going on (if any) end. */
    async settle() {
      if (running) await sim.run(running);
    },
    /** No more ticks; the run going on ends. */
    async stop() {
      stopped = true;
      await sim.run(running ?? Promise.resolve());
    },
  };
}

/**
 * Runs time until every linked contact has been read once (GET /contacts/:id answered), or
 * `maxMs`, then lets the run going on end: the first full sync's length, reach and traffic.
 */
export async function firstFullSync(
  sim: FakeClock,
  traffic: ReturnType<typeof createTrafficRecorder>,
  alarm: ReturnType<typeof startAlarm>,
  contactIds: readonly string[],
  maxMs: number,
) {
  const started = sim.now();
  const linked = new Set(contactIds);
  while (!traffic.allRead(linked) && sim.now() - started < maxMs) {
    await sim.advanceTo(sim.now() + ALARM_MS);
  }
  await alarm.settle();
  return {
    ms: sim.now() - started,
    done: traffic.readCount(linked),
    total: linked.size,
    ...traffic.summary(),
  };
}
