import type { DashboardRow } from '@/utils/messaging/protocol';
import { transcriptUrl } from '@/utils/trint/transcript-url';
import { timeAgo } from '../../sync/relative-time';
import { COLUMNS, transcriptTitle, type Sort, type SortKey } from './dashboard-sort';
import { NotSynced } from './not-synced';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What the table is told besides its rows. */
export interface DashboardTableProps {
  rows: DashboardRow[];
  sort: Sort;
  onSort(key: SortKey): void;
  /** Now, in ms: "Last sync" reads "2 min ago". */
  now: number;
  /** Tasks switched off: their columns say "—", not a stale 0. */
  tasksSynced: boolean;
}

/**
 * The linked transcripts, one per row. Each header is a button that sorts by its column (again:
 * the other way), and the sorted header carries aria-sort. Every text from GHL or Trint is
 * rendered as text.
 */
export function DashboardTable({ rows, sort, onSort, now, tasksSynced }: DashboardTableProps) {
  const sortedBy = COLUMNS.find((column) => column.key === sort.key)!.label;
  return (
    <div class="dashboard__scroll">
      <table class="dashboard__table">
        <caption class="visually-hidden">
          Linked transcripts, sorted by {sortedBy} ({sort.direction})
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={column.key === sort.key ? sort.direction : undefined}
              >
                <button type="button" class="dashboard__sort" onClick={() => onSort(column.key)}>
                  {column.label}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <DashboardTableRow key={row.transcriptId} row={row} now={now} tasks={tasksSynced} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DashboardTableRow({
  row,
  now,
  tasks,
}: {
  row: DashboardRow;
  now: number;
  tasks: boolean;
}) {
  return (
    <tr>
      <th scope="row">
        {/* Trint opens beside the options page; noopener keeps it from reaching back here. */}
        <a href={transcriptUrl(row.transcriptId, row.trintOrigin)} target="_blank" rel="noopener">
          {transcriptTitle(row)}
        </a>
      </th>
      <td>
        {row.contactName}
        {row.contactDeleted && (
          <>
            {' '}
            <span class="dashboard__deleted">contact deleted in GHL</span>
          </>
        )}
      </td>
      <td>{tasks ? row.openTasks : <NotSynced />}</td>
      <td class={tasks && row.overdueTasks > 0 ? 'dashboard__alert' : undefined}>
        {tasks ? row.overdueTasks : <NotSynced />}
      </td>
      <td>
        <LatestNote note={row.latestNote} />
      </td>
      <td>
        {row.syncedAt === undefined ? (
          'Never'
        ) : (
          <time
            dateTime={new Date(row.syncedAt).toISOString()}
            title={dateTime.format(row.syncedAt)}
          >
            {timeAgo(row.syncedAt, now)}
          </time>
        )}
      </td>
      <td class={row.failedJobs > 0 ? 'dashboard__alert' : undefined}>{row.failedJobs}</td>
    </tr>
  );
}

function LatestNote({ note }: { note: DashboardRow['latestNote'] }) {
  if (!note) return <>—</>;
  const at = note.at === undefined ? NaN : Date.parse(note.at);
  return (
    <>
      <span class="dashboard__note">{note.body}</span>
      {!Number.isNaN(at) && ' '}
      {!Number.isNaN(at) && (
        <time class="dashboard__note-date" dateTime={new Date(at).toISOString()}>
          {day.format(at)}
        </time>
      )}
    </>
  );
}
