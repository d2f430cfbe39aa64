/**
 * Checks a Sandbox traffic log against GHL's OpenAPI files:
 *
 *   npx tsx test/contract/check-traffic.ts [--require-calls] <log.jsonl>
 *
 * Prints each problem with its line number, then "N calls checked, M problems". Exits 1 when
 * there are problems, when the log or the spec cannot be read, and, with --require-calls, when
 * the log has no calls (a run that made no calls has proved nothing).
 */
import { readFileSync } from 'node:fs';
import { findSpecDir, loadSpec } from './openapi-spec';
import { checkTrafficLog } from './traffic-log-check';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function main(args: string[]) {
  const requireCalls = args.includes('--require-calls');
  const files = args.filter((arg) => arg !== '--require-calls');
  if (files.length !== 1 || files[0]!.startsWith('--')) {
    fail('Usage: npx tsx test/contract/check-traffic.ts [--require-calls] <log.jsonl>');
  }
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`Cannot read traffic log ${file}: ${(error as Error).message}`);
  }
  const specDir = findSpecDir();
  if (!specDir)
    fail('GHL OpenAPI files not found: set GHL_OPENAPI_DIR or add ../shared/ghl-openapi');

  const report = checkTrafficLog(loadSpec(specDir), text);
  for (const problem of report.problems)
    console.error(`${file}:${problem.line}: ${problem.message}`);
  const noun = report.problems.length === 1 ? 'problem' : 'problems';
  console.log(`${report.calls} calls checked, ${report.problems.length} ${noun}`);
  if (report.problems.length > 0) process.exit(1);
  if (requireCalls && report.calls === 0) fail(`${file} has no calls (--require-calls)`);
}

main(process.argv.slice(2));
