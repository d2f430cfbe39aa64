// The baseline of the sync benchmark: a naive poller, as an integration platform polling GHL
// would be: every 5 minutes, GET the contact, its tasks and its notes for every link, six
// requests at a time (a browser's connections per host), waiting out a 429's Retry-After and
// asking again. No cache, no tiers, no pacing.
import { GHL_API_BASE, GHL_API_VERSION } from '../../utils/ghl/api-constants';
import { SANDBOX_TOKENS } from '../../sandbox/sandbox-fixtures';
import { createSandbox } from '../../sandbox/sandbox-handler';
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import { createFakeClock } from '../../test/support/fake-clock';
import { createTrafficRecorder } from '../support/traffic';
import { applyEdit, editStream, TIERS, type Tier } from './edit-stream';
import type { SyncScenario } from './scenario';
import { createStalenessTracker } from './staleness';

export const NAIVE_INTERVAL_MS = 5 * 60_000;
const CONCURRENCY = 6;

/** Runs the scenario with the naive poller; answers its traffic and staleness (edit → fetched). */
export async function runNaive(scenario: SyncScenario) {
  const sim = createFakeClock({ settle: 'idle' });
  const staleness = createStalenessTracker();
  const traffic = createTrafficRecorder(sim.now, (contactId, at) =>
    staleness.seeContact(contactId, at, (part) => traffic.lastReadAt(contactId, part)),
  );
  const sandbox = createSandbox({
    clock: sim.clock,
    contacts: scenario.contacts,
  });
  sandbox.state.faults.arm({ latencyMs: scenario.latencyMs });
  const fetch = traffic.observe(createSandboxFetch(sandbox));
  const headers = {
    Authorization: `Bearer ${SANDBOX_TOKENS.readWrite}`,
    Version: GHL_API_VERSION,
    Accept: 'application/json',
  };
  const paths = scenario.transcripts.flatMap(({ contactId }) => [
    `/contacts/${contactId}`,
    `/contacts/${contactId}/tasks`,
    `/contacts/${contactId}/notes`,
  ]);
  let stopped = false;

  async function get(path: string) {
    for (;;) {
      const response = await fetch(`${GHL_API_BASE}${path}`, { headers });
      await response.text();
      if (response.status !== 429) return;
      const retryAfter = Number(response.headers.get('retry-after') ?? '1');
      await sim.clock.sleep(Math.max(1, retryAfter) * 1000);
    }
  }

  async function cycle() {
    let next = 0;
    const worker = async () => {
      while (!stopped && next < paths.length) await get(paths[next++]!);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  // A poll every 5 minutes; a cycle still going makes the next tick a no-op.
  let running: Promise<void> | undefined;
  const poller = async () => {
    while (!stopped) {
      running ??= cycle().finally(() => (running = undefined));
      await sim.clock.sleep(NAIVE_INTERVAL_MS);
    }
  };
  const hourStart = sim.now();
  void poller();
  for (const edit of editStream(scenario.byTier, scenario.hourMs)) {
    void sim.clock.sleep(edit.offsetMs).then(() => {
      staleness.made(edit, sim.now());
      return applyEdit(sandbox, edit);
    });
  }
  await sim.advanceTo(hourStart + scenario.hourMs);
  const hour = traffic.summary();
  traffic.stopCounting();
  const drainEnd = sim.now() + scenario.drainMs;
  while (staleness.pendingCount() > 0 && sim.now() < drainEnd) {
    await sim.advanceTo(Math.min(drainEnd, sim.now() + NAIVE_INTERVAL_MS));
  }
  stopped = true;
  await sim.run(running ?? Promise.resolve());
  const stale = Object.fromEntries(
    TIERS.map((tier) => [tier, staleness.stats(tier, sim.now())]),
  ) as Record<Tier, ReturnType<typeof staleness.stats>>;
  return { hour, staleness: stale };
}
