// Every benchmark of `npm run bench`, by id, in the order of the report (issue 8's order).
import type { Benchmark } from './bench-report';

/** A registered benchmark: its id (for `--only=`) and how to load it. */
export interface RegisteredBenchmark {
  id: string;
  load: () => Promise<Benchmark>;
}

/**
 * Loads an exported Benchmark from a module written beside this one, saying clearly which file
 * is missing instead of failing on an import.
 */
async function fromModule(path: string, name: string): Promise<Benchmark> {
  let module: Record<string, unknown>;
  try {
    module = (await import(path)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`Benchmark module ${path} could not be loaded: ${String(error)}`, {
      cause: error,
    });
  }
  const benchmark = module[name] ?? module.default;
  if (typeof benchmark !== 'function') throw new Error(`${path} exports no Benchmark '${name}'`);
  return benchmark as Benchmark;
}

export const BENCHMARKS: RegisteredBenchmark[] = [
  { id: 'panel-paint', load: () => fromModule('./browser/panel-paint.ts', 'panelPaint') },
  { id: 'sync-cost', load: () => fromModule('./sync/sync-cost.ts', 'syncCost') },
  { id: 'team-location', load: () => fromModule('./team/team-location.ts', 'teamLocation') },
  { id: 'contact-search', load: () => fromModule('./search/contact-search.ts', 'contactSearch') },
  { id: 'bundle-sizes', load: () => fromModule('./browser/bundle-sizes.ts', 'bundleSizes') },
  {
    id: 'background-memory',
    load: () => fromModule('./browser/background-memory.ts', 'backgroundMemory'),
  },
];
