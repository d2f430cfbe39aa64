import type { Dashboard } from '@/utils/messaging/protocol';
import { NotSynced } from './not-synced';

/** The counts at the top of the dashboard, as a definition list. */
export function DashboardTotals({
  totals,
  tasksSynced,
}: {
  totals: Dashboard['totals'];
  /** Tasks switched off: their count would be a stale 0, so it says "—" instead. */
  tasksSynced: boolean;
}) {
  return (
    <dl class="dashboard__totals">
      <div class="dashboard__total">
        <dt>Linked transcripts</dt>
        <dd>{totals.linkedTranscripts}</dd>
      </div>
      <div class="dashboard__total">
        <dt>Contacts</dt>
        <dd>{totals.contacts}</dd>
      </div>
      <div class="dashboard__total">
        <dt>Overdue tasks</dt>
        <dd class={totals.overdueTasks > 0 ? 'dashboard__alert' : undefined}>
          {tasksSynced ? totals.overdueTasks : <NotSynced />}
        </dd>
      </div>
      <div class="dashboard__total">
        <dt>Failed jobs</dt>
        <dd class={totals.failedJobs > 0 ? 'dashboard__alert' : undefined}>{totals.failedJobs}</dd>
      </div>
    </dl>
  );
}
