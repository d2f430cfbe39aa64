import { useEffect, useState } from 'preact/hooks';
import type { OutboxJobView } from '@/utils/messaging/write-schemas';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';
import { FailedJob } from './failed-job';
import { useNow } from './use-now';
import { useSyncStatus } from './use-sync-status';

/** Failed writes first (they need a decision), then the oldest first. */
function needsPerson(jobs: OutboxJobView[]): OutboxJobView[] {
  return jobs
    .filter((job) => job.status === 'failed' || job.status === 'waiting')
    .sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt);
}
const rank = (job: OutboxJobView) => (job.status === 'failed' ? 0 : 1);

/**
 * Writes GHL refused for good, and writes waiting for a reconnect, each with why and Retry /
 * Discard. The list is asked for again whenever the published outbox counts change, so a retry
 * that fails again, or a write that fails in the background, shows up while the popup is open.
 */
export function FailedJobs() {
  const status = useSyncStatus();
  const [jobs, setJobs] = useState<OutboxJobView[]>([]);
  const { error, run } = useAction();
  const outbox = status?.outbox;
  const counts = outbox && `${outbox.pending}/${outbox.waiting}/${outbox.failed}`;
  useEffect(() => {
    if (!outbox) return;
    // Nothing to show: no need to wake the background.
    if (outbox.failed + outbox.waiting === 0) {
      setJobs([]);
      return;
    }
    let live = true;
    void run(async () => {
      const next = await sendMessage('outbox/list', {});
      if (live) setJobs(next);
    });
    return () => {
      live = false;
    };
  }, [counts]);
  const now = useNow(30_000);

  const shown = needsPerson(jobs);
  if (shown.length === 0 && !error) return null;
  return (
    <section class="card card--alert" aria-labelledby="failed-jobs-title">
      <h2 id="failed-jobs-title" class="card__title">
        Changes not sent to GHL
      </h2>
      {error && (
        <p class="message message--error" role="alert">
          {error}
        </p>
      )}
      {shown.length > 0 && (
        <ul class="jobs">
          {shown.map((job) => (
            <FailedJob key={job.id} job={job} now={now} onJobs={setJobs} />
          ))}
        </ul>
      )}
    </section>
  );
}
