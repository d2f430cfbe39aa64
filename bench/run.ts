// `npm run bench`: runs every benchmark (or `--only=<id>[,<id>]`) and writes BENCHMARKS.md.
// `--smoke` runs tiny sizes to prove the benchmarks still work and writes its report to
// test-results/ instead; it exits non-zero when a benchmark crashes, never for a missed target.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import './support/extension-env';
import { crashedSection, machineFacts, renderReport, type BenchSection } from './bench-report';
import { BENCHMARKS } from './benchmarks';

function parseArgs(argv: string[]) {
  const smoke = argv.includes('--smoke');
  const only = argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',')
    .filter(Boolean);
  const out =
    argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length) ??
    (smoke ? 'test-results/BENCHMARKS.smoke.md' : 'BENCHMARKS.md');
  return { smoke, only, out };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const unknown = args.only?.filter((id) => !BENCHMARKS.some((b) => b.id === id)) ?? [];
  if (unknown.length) {
    console.error(`Unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.id)}`);
    process.exit(2);
  }
  const chosen = BENCHMARKS.filter((b) => !args.only || args.only.includes(b.id));
  const machine = await machineFacts();
  const startedAt = new Date();
  const started = performance.now();
  const sections: BenchSection[] = [];
  const crashed: string[] = [];
  for (const { id, run } of chosen) {
    const log = (line: string) => console.log(`[${id}] ${line}`);
    log(args.smoke ? 'starting (smoke sizes)' : 'starting');
    const t0 = performance.now();
    try {
      const section = await run({ smoke: args.smoke, log });
      sections.push(section);
      const missed = section.targets.filter((t) => !t.met).length;
      log(
        `done in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
          `${section.targets.length - missed} of ${section.targets.length} targets met`,
      );
    } catch (error) {
      crashed.push(id);
      console.error(`[${id}] CRASHED:`, error instanceof Error ? (error.stack ?? error) : error);
      sections.push(crashedSection(id, error));
    }
  }
  const command = `npm run bench${args.smoke ? ' -- --smoke' : ''}`;
  const report = await renderReport({
    sections,
    machine,
    startedAt,
    durationMs: performance.now() - started,
    command: args.only ? `${command}${args.smoke ? '' : ' --'} --only=${args.only}` : command,
  });
  await mkdir(dirname(args.out), { recursive: true });
  await writeFile(args.out, report);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nWrote ${args.out} in ${seconds} s.`);
  if (crashed.length) {
    console.error(`Crashed: ${crashed.join(', ')}`);
    process.exit(1);
  }
}

await main();
