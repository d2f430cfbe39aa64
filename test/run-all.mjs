// `npm test`: every suite in order (check, both production builds, the benchmarks' smoke run,
// unit, end to end in Chromium and Firefox, the demo headless, then the GHL traffic they caused
// against GHL's OpenAPI files), then one closing line "N passed, N failed" summed over all of
// them. Exits non-zero when anything failed. A suite that crashes without reporting tests counts
// as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });
// Every Sandbox the tests start appends the GHL calls it answered here (secrets masked).
const TRAFFIC_LOG = `${RESULTS}/ghl-traffic.jsonl`;
rmSync(TRAFFIC_LOG, { force: true });
process.env.GHL_SANDBOX_LOG = TRAFFIC_LOG;
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

/** Runs a command with inherited output; returns whether it exited 0. */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/**
 * A step that is one test: it passes or fails as a whole. An exit code listed in `skipCodes`
 * means it could not run here (it says why); it is counted as skipped, never as passed.
 */
function step(name, command, args, skipCodes = []) {
  console.log(`\n▶ ${name}`);
  const status = spawnSync(command, args, { stdio: 'inherit' }).status;
  const outcome = status === 0 ? 'passed' : skipCodes.includes(status) ? 'skipped' : 'failed';
  totals[outcome] += 1;
  lines.push(`${name}: ${outcome === 'failed' ? 'FAILED' : outcome}`);
  return outcome === 'passed';
}

/** A Vitest suite: its own counts, read from the JSON reporter. */
function vitestSuite(name, configArgs, env) {
  console.log(`\n▶ ${name}`);
  const report = `${RESULTS}/${name}.json`;
  rmSync(report, { force: true });
  const ok = run(
    'npx',
    [
      'vitest',
      'run',
      ...configArgs,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    env,
  );
  const counts = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined;
  const passed = counts?.numPassedTests ?? 0;
  const skipped = (counts?.numPendingTests ?? 0) + (counts?.numTodoTests ?? 0);
  // A crash (no report, or a failing setup with no failed test) still fails the run.
  const failed = (counts?.numFailedTests ?? 0) || (ok ? 0 : 1);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

step('check (typecheck, lint, format)', 'npm', ['run', '--silent', 'check']);
const built = [
  step('build chrome-mv3', 'npm', ['run', '--silent', 'build']),
  step('build firefox-mv3', 'npm', ['run', '--silent', 'build:firefox']),
].every(Boolean);
// The benchmarks at tiny sizes (`npm run bench -- --smoke`), so they keep working: a crash fails
// the step, a missed target does not. Its report goes to test-results/; BENCHMARKS.md is left as
// the last full `npm run bench` wrote it.
if (built) {
  step('bench (smoke)', 'npm', [
    'run',
    '--silent',
    'bench',
    '--',
    '--smoke',
    `--out=${RESULTS}/BENCHMARKS.smoke.md`,
  ]);
} else {
  totals.failed += 1;
  lines.push('bench (smoke): not run, a build failed (1 failed)');
}
vitestSuite('unit', []);
if (built) {
  vitestSuite('e2e', ['--config', 'test/e2e/vitest.config.ts'], { GHL_E2E_PREBUILT: '1' });
} else {
  totals.failed += 1;
  lines.push('e2e: not run, a build failed (1 failed)');
}
// The README's one-command demo, headless on the build above: it stops (exit 1) at the first
// step whose result a person would not see, so a demo that no longer works fails the run.
if (built) {
  step('demo (headless)', 'npm', [
    'run',
    '--silent',
    'demo',
    '--',
    '--headless',
    '--no-build',
    `--out=${RESULTS}/demo`,
  ]);
} else {
  totals.failed += 1;
  lines.push('demo (headless): not run, a build failed (1 failed)');
}
step(
  'GHL traffic of the tests matches the OpenAPI files',
  'node',
  ['--import', 'tsx', 'test/contract/check-traffic.ts', '--require-calls', TRAFFIC_LOG],
  [3],
);

console.log(`\n${lines.join('\n')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed === 0 ? 0 : 1);
