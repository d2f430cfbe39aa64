import type { DashboardRow } from '@/utils/messaging/protocol';

/** The dashboard's columns, in the order the table shows them. */
export const COLUMNS = [
  { key: 'transcript', label: 'Transcript' },
  { key: 'contact', label: 'Contact' },
  { key: 'openTasks', label: 'Open tasks' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'latestNote', label: 'Latest note' },
  { key: 'lastSync', label: 'Last sync' },
  { key: 'failed', label: 'Failed' },
] as const;

/** A column the table can be sorted by. */
export type SortKey = (typeof COLUMNS)[number]['key'];

/** The table's order; `direction` is the aria-sort value of the sorted column's header. */
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/** Transcripts A to Z until the person picks another column. */
export const DEFAULT_SORT: Sort = { key: 'transcript', direction: 'ascending' };

/** A transcript's title as the table shows it. */
export function transcriptTitle(row: DashboardRow): string {
  return row.title ?? 'Untitled transcript';
}

/** The next order after a click on `key`'s header: the same column flips, another starts A→Z. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** What a row is sorted by in a column; undefined when it has nothing there. */
function sortValue(row: DashboardRow, key: SortKey): string | number | undefined {
  switch (key) {
    case 'transcript':
      return transcriptTitle(row);
    case 'contact':
      return row.contactName;
    case 'openTasks':
      return row.openTasks;
    case 'overdue':
      return row.overdueTasks;
    case 'latestNote': {
      const at = row.latestNote?.at === undefined ? NaN : Date.parse(row.latestNote.at);
      return Number.isNaN(at) ? undefined : at;
    }
    case 'lastSync':
      return row.syncedAt;
    case 'failed':
      return row.failedJobs;
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true });
}

/**
 * The rows in `sort`'s order. Rows with nothing in the column (no note, never synced) go last
 * either way, and ties fall back to the title and the id, so the order never flickers.
 */
export function sortRows(rows: readonly DashboardRow[], sort: Sort): DashboardRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [left, right] = [sortValue(a, sort.key), sortValue(b, sort.key)];
    if (left === undefined || right === undefined) {
      if (left !== right) return left === undefined ? 1 : -1;
    } else {
      const order = compareValues(left, right);
      if (order !== 0) return order * sign;
    }
    return (
      compareValues(transcriptTitle(a), transcriptTitle(b)) ||
      a.transcriptId.localeCompare(b.transcriptId)
    );
  });
}

/** The rows whose title or contact name holds `query` (any case); all of them for a blank one. */
export function filterRows(rows: readonly DashboardRow[], query: string): DashboardRow[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [...rows];
  return rows.filter((row) =>
    [transcriptTitle(row), row.contactName].some((text) =>
      text.toLocaleLowerCase().includes(needle),
    ),
  );
}
