import type { TrafficEntry } from '../../sandbox/traffic-log';
import type { OpenApiSpec } from './openapi-spec';
import { checkTrafficEntry } from './traffic-check';

/** A problem found in a traffic log, with the 1-based line it is on. */
export interface TrafficProblem {
  line: number;
  message: string;
}

/** What checking a whole log found. */
export interface TrafficLogReport {
  /** Lines that were calls (blank lines are skipped). */
  calls: number;
  problems: TrafficProblem[];
}

function isTrafficEntry(value: unknown): value is TrafficEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.method === 'string' &&
    typeof entry.path === 'string' &&
    typeof entry.status === 'number' &&
    typeof entry.headers === 'object' &&
    entry.headers !== null
  );
}

/**
 * Checks every line of a JSON-lines traffic log. A line that is not JSON, or not a log entry,
 * is a problem too: a log the checker cannot read must not pass as a clean one.
 */
export function checkTrafficLog(spec: OpenApiSpec, text: string): TrafficLogReport {
  const report: TrafficLogReport = { calls: 0, problems: [] };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    report.calls += 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      report.problems.push({ line, message: 'not JSON' });
      return;
    }
    if (!isTrafficEntry(value)) {
      report.problems.push({
        line,
        message: 'not a traffic entry (method, path, headers, status)',
      });
      return;
    }
    for (const message of checkTrafficEntry(spec, value)) report.problems.push({ line, message });
  });
  return report;
}
