// The quota-pressure run: one person's extension (issue 17's day tiers) after its first full
// sync, for one stretch each with the location's daily quota well above 20% left, then 15%, then
// 4% (the Sandbox's control API, as if teammates had spent the rest), while the person keeps
// writing and opening transcripts. Counts background requests and people's, and 429s.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { createSandbox } from '../../sandbox/sandbox-handler';
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import { createFakeClock } from '../../test/support/fake-clock';
import { sandboxControl } from '../../test/support/sandbox-control';
import { benchExtension } from '../support/bench-extension';
import { createTrafficRecorder } from '../support/traffic';
import { RATE_LIMIT_HEADERS } from '../../utils/ghl/rate-limit-headers';
import { applyEdit, tieredEditStream } from '../sync/edit-stream';
import { DAY_EDIT_INTERVAL_MS, type DayScenario } from './day-scenario';
import { firstFullSync, linkWithTiers, startAlarm } from './day-setup';
import { DAY_TIERS } from './day-tiers';

/** One stretch: what is left of the daily quota when it starts (undefined: untouched). */
export interface QuotaPhase {
  name: string;
  leaveToday?: number;
}

/** How often the person acts: a note written, and a transcript viewed today opened again. */
export const ACTION_EVERY_MS = 10 * 60_000;

/** What one stretch saw. */
export interface PhaseCounts {
  background: number;
  backgroundTooMany: number;
  people: number;
  peopleTooMany: number;
  /** The person's writes and opens that did not reach GHL (a write still queued or failed). */
  writes: number;
  writesMissing: number;
  opens: number;
  opensFailed: number;
  /** What GHL last said was left of the daily limit (X-RateLimit-Daily-Remaining). */
  leftAtEnd?: number;
}

const person = new AsyncLocalStorage<true>();

/** Runs the phases; answers the first sync and each phase's counts. */
export async function runQuotaPressure(
  scenario: DayScenario,
  phases: readonly QuotaPhase[],
  phaseMs: number,
  log: (line: string) => void,
) {
  const wallStart = performance.now();
  const sim = createFakeClock({ settle: 'idle' });
  const traffic = createTrafficRecorder(sim.now);
  const sandbox = createSandbox({ clock: sim.clock, contacts: scenario.n });
  sandbox.state.faults.arm({ latencyMs: scenario.latencyMs });
  let counts = emptyCounts();
  let dailyLeft: number | undefined;
  // A person's request: made inside one of their actions (a panel's refresh), or a write (the
  // sync only reads). The outbox sends from its own loop, so its writes are told by method.
  const sandboxFetch = createSandboxFetch(sandbox);
  const counted: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await sandboxFetch(request);
    const byPerson = person.getStore() === true || request.method !== 'GET';
    const tooMany = response.status === 429 ? 1 : 0;
    const left = Number(response.headers.get(RATE_LIMIT_HEADERS.dailyRemaining) ?? Number.NaN);
    if (Number.isFinite(left)) dailyLeft = left;
    if (byPerson) {
      counts.people += 1;
      counts.peopleTooMany += tooMany;
    } else {
      counts.background += 1;
      counts.backgroundTooMany += tooMany;
    }
    return response;
  };
  const ext = await sim.run(
    benchExtension({
      fetch: traffic.observe(counted),
      clock: sim.clock,
      name: `quota-${scenario.n}`,
    }),
  );
  const { transcripts } = scenario;
  await linkWithTiers(sim, ext, transcripts);
  const alarm = startAlarm(sim, ext);
  const contactIds = transcripts.map((t) => t.contactId);
  const firstSync = await firstFullSync(sim, traffic, alarm, contactIds, scenario.firstSyncMaxMs);
  log(
    `N=${scenario.n}: first sync ${Math.round(firstSync.ms / 60_000)} simulated min ` +
      `(${((performance.now() - wallStart) / 1000).toFixed(0)} s)`,
  );

  // GHL-side edits go on all along (a sync that looks for changes has some to find).
  const start = sim.now();
  for (const edit of tieredEditStream(
    DAY_TIERS,
    DAY_EDIT_INTERVAL_MS,
    scenario.byTier,
    phaseMs * phases.length,
  )) {
    void sim.clock.sleep(edit.offsetMs).then(() => applyEdit(sandbox, edit));
  }
  const open = transcripts.find((t) => t.tier === 'open')!;
  const today = transcripts.filter((t) => t.tier === 'today');
  const results: (PhaseCounts & QuotaPhase)[] = [];
  let seq = 0;
  for (const [p, phase] of phases.entries()) {
    if (phase.leaveToday !== undefined) {
      await sandboxControl(sandbox, 'rate-limits', { leaveToday: { count: phase.leaveToday } });
    }
    counts = emptyCounts();
    const markers: string[] = [];
    const opened: Promise<boolean>[] = [];
    const phaseStart = start + p * phaseMs;
    for (let at = ACTION_EVERY_MS / 2; at < phaseMs; at += ACTION_EVERY_MS) {
      const k = seq++;
      // A note on the open transcript's contact, through the outbox as the panel writes it.
      void sim.clock.sleep(phaseStart + at - sim.now()).then(async () => {
        const marker = `quota-note-${k}`;
        markers.push(marker);
        await ext.outbox!.enqueue({
          kind: 'note.create',
          contactId: open.contactId,
          body: { body: marker },
        });
      });
      // A transcript viewed today opened again: the view recorded, its contact refreshed.
      const again = today[k % today.length]!;
      opened.push(
        sim.clock.sleep(phaseStart + at + ACTION_EVERY_MS / 2 - sim.now()).then(() =>
          person.run(true, async () => {
            await ext.transcripts.markViewed(again.transcriptId);
            const run = await ext.engine.refreshContact(again.contactId, 'panel-open');
            return run.errors.length === 0;
          }),
        ),
      );
    }
    await sim.advanceTo(phaseStart + phaseMs);
    const opensOk = await sim.run(Promise.all(opened));
    const inGhl = new Set([...sandbox.state.data.notes.values()].map((n) => n.body));
    results.push({
      ...phase,
      ...counts,
      writes: markers.length,
      writesMissing: markers.filter((m) => !inGhl.has(m)).length,
      opens: opensOk.length,
      opensFailed: opensOk.filter((ok) => !ok).length,
      leftAtEnd: dailyLeft,
    });
    log(
      `${phase.name}: ${counts.background} background, ${counts.people} people's requests ` +
        `(${((performance.now() - wallStart) / 1000).toFixed(0)} s)`,
    );
  }
  await alarm.stop();
  await sim.run(ext.outbox!.close());
  return { firstSync, phases: results, wallMs: performance.now() - wallStart };
}

function emptyCounts(): PhaseCounts {
  return {
    background: 0,
    backgroundTooMany: 0,
    people: 0,
    peopleTooMany: 0,
    writes: 0,
    writesMissing: 0,
    opens: 0,
    opensFailed: 0,
  };
}

/** See {@link runQuotaPressure}. */
export type QuotaResult = Awaited<ReturnType<typeof runQuotaPressure>>;
