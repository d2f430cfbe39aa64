/**
 * Checks a Sandbox traffic log against GHL's OpenAPI files:
 *
 *   npx tsx test/contract/check-traffic.ts [--require-calls] <log.jsonl>
 *
 * Prints each problem with its line number, then "N calls checked, M problems". Exits 1 when
 * there are problems or the log cannot be read, and, with --require-calls, when the log has no
 * calls (a run that made no calls has proved nothing). Exits 3 when the OpenAPI files are not
 * there, so `npm test` can report the check as skipped rather than passed.
 */
import { readFileSync } from 'node:fs';
import { findSpecDir, loadSpec } from './openapi-spec';
import { checkTrafficLog } from './traffic-log-check';

/** Exit code for "the OpenAPI files are missing": nothing was checked. */
const SPEC_MISSING = 3;
const USAGE = 'Usage: npx tsx test/contract/check-traffic.ts [--require-calls] <log.jsonl>';

/** Runs the check and returns the exit code (set, not forced, so piped output is not cut off). */
function main(args: string[]): number {
  const requireCalls = args.includes('--require-calls');
  const files = args.filter((arg) => arg !== '--require-calls');
  const file = files[0];
  if (files.length !== 1 || file === undefined || file.startsWith('--')) {
    console.error(USAGE);
    return 1;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read traffic log ${file}: ${(error as Error).message}`);
    return 1;
  }
  const specDir = findSpecDir();
  if (!specDir) {
    console.error('GHL OpenAPI files not found: set GHL_OPENAPI_DIR or add ../shared/ghl-openapi');
    return SPEC_MISSING;
  }
  const report = checkTrafficLog(loadSpec(specDir), text);
  for (const { line, message } of report.problems) console.log(`${file}:${line}: ${message}`);
  const noun = report.problems.length === 1 ? 'problem' : 'problems';
  console.log(`${report.calls} calls checked, ${report.problems.length} ${noun}`);
  if (report.problems.length > 0) return 1;
  if (requireCalls && report.calls === 0) {
    console.error(`${file} has no calls, and --require-calls was given`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
