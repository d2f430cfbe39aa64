import type { Dashboard, DashboardRow } from '../messaging/protocol';
import { countedTasks, dashboardRows, jobBelongsTo, type DashboardOptions } from './dashboard-rows';
import type { DashboardSource } from './dashboard-source';
import { isOverdue } from '../task-due';

/** Rows by title (untitled last), then by transcript id, so the order never flickers. */
function byTitle(a: DashboardRow, b: DashboardRow): number {
  if ((a.title === undefined) !== (b.title === undefined)) return a.title === undefined ? 1 : -1;
  return (
    (a.title ?? '').localeCompare(b.title ?? '') || a.transcriptId.localeCompare(b.transcriptId)
  );
}

/**
 * The dashboard: a row per linked transcript and the counts at the top. A contact linked to
 * several transcripts is one contact, its overdue tasks are counted once, and so is a failed
 * write that shows on more than one row. The failed writes counted are those on the rows.
 */
export function buildDashboard(source: DashboardSource, options: DashboardOptions): Dashboard {
  const rows = dashboardRows(source, options).sort(byTitle);
  const overdue = new Set<string>();
  const failed = new Set<string>();
  for (const row of rows) {
    for (const task of countedTasks(source, row.contactId, row.contactDeleted, options)) {
      if (isOverdue(task, options.now)) overdue.add(task.id);
    }
    for (const job of source.failedJobs) if (jobBelongsTo(job, row)) failed.add(job.id);
  }
  return {
    rows,
    totals: {
      linkedTranscripts: rows.length,
      contacts: new Set(rows.map((row) => row.contactId)).size,
      overdueTasks: overdue.size,
      failedJobs: failed.size,
    },
  };
}
