import './support/extension-env';
import { seedSandboxData } from '../sandbox/seed-data';
import { dayScenario } from './day/day-scenario';
import { runDay } from './day/day-run';
import { dormantOpenTimes } from './day/day-tiers';
const n = Number(process.argv[2]);
const hours = Number(process.argv[3]);
const drainH = Number(process.argv[4] ?? 1);
const ids = [...seedSandboxData({ contacts: n, now: Date.now() }).contacts.keys()];
const dayMs = hours * 3_600_000;
const s = dayScenario(ids, n, {
  dayMs,
  drainMs: drainH * 3_600_000,
  firstSyncMaxMs: 8 * 3_600_000,
  openTimes: dormantOpenTimes(dayMs, 4),
});
const r = await runDay(s, (l) => console.log(l));
console.log(
  JSON.stringify(
    {
      ...r,
      staleness: Object.fromEntries(
        Object.entries(r.staleness).map(([k, v]) => [
          k,
          `${v.edits}/${v.unseen} p50 ${v.p50.ms} p95 ${v.p95.ms}`,
        ]),
      ),
    },
    null,
    1,
  ),
);
