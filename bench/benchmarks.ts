// Every benchmark of `npm run bench`, by id, in the order of the report (issue 8's order).
import type { Benchmark } from './bench-report';
import { backgroundMemory } from './browser/background-memory';
import { bundleSizes } from './browser/bundle-sizes';
import { panelPaint } from './browser/panel-paint';
import { contactSearch } from './search/contact-search';
import { quotaPressure } from './day/quota-pressure';
import { syncDay } from './day/sync-day';
import { syncCost } from './sync/sync-cost';
import { teamDay } from './team/team-day';
import { teamLocation } from './team/team-location';

/** A registered benchmark: its id (for `--only=`) and the function that runs it. */
export interface RegisteredBenchmark {
  id: string;
  run: Benchmark;
}

export const BENCHMARKS: RegisteredBenchmark[] = [
  { id: 'panel-paint', run: panelPaint },
  { id: 'sync-cost', run: syncCost },
  { id: 'sync-day', run: syncDay },
  { id: 'quota-pressure', run: quotaPressure },
  { id: 'team-location', run: teamLocation },
  { id: 'team-day', run: teamDay },
  { id: 'contact-search', run: contactSearch },
  { id: 'bundle-sizes', run: bundleSizes },
  { id: 'background-memory', run: backgroundMemory },
];
