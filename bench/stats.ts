// Small statistics for the benchmarks: percentiles (nearest rank) and fixed-width formatting.

/** The p-th percentile (0-100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** The median (nearest rank, lower middle). */
export const median = (values: readonly number[]) => percentile(values, 50);

/** A number with thousands separators, or '—' when there is none. */
export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—';
}

/** Milliseconds with a unit that reads well: '0.84 ms', '12.3 s', '4.2 min'. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** Like {@link duration}, but 3 hours and more in hours ('23.4 h'): the day benchmarks' spans. */
export function span(ms: number): string {
  return Number.isFinite(ms) && ms >= 3 * 3_600_000
    ? `${(ms / 3_600_000).toFixed(1)} h`
    : duration(ms);
}
