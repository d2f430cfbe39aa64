import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { OutboxJobView } from '@/utils/messaging/write-schemas';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';
import { plural, timeAgo } from './relative-time';

/**
 * One write that needs the person: what it was, why it failed, when, and Retry (failed writes)
 * or Discard. Discarding asks first, naming the write, because it is then lost for good.
 */
export function FailedJob({
  job,
  now,
  onJobs,
}: {
  job: OutboxJobView;
  now: number;
  /** Gets the outbox as the background answers a retry or discard. */
  onJobs: (jobs: OutboxJobView[]) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // The button that was pressed goes away: focus moves to the safe choice, and back after it,
  // so keyboard and screen-reader users keep their place.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (asked.current) discardButton.current?.focus();
    asked.current ||= confirming;
  }, [confirming]);
  const { busy, error, run } = useAction();
  const id = useId();
  const failed = job.status === 'failed';
  // When it failed; a waiting write says when it was made.
  const at = failed ? (job.error?.at ?? job.createdAt) : job.createdAt;
  const act = (type: 'outbox/retry' | 'outbox/discard') =>
    void run(async () => onJobs(await sendMessage(type, { id: job.id })));

  return (
    <li class="job" aria-labelledby={`${id}-summary`}>
      <p id={`${id}-summary`} class="job__summary">
        {job.summary}
      </p>
      <p class="job__meta">
        {failed ? 'Failed' : 'Waiting for reconnect · made'}{' '}
        <time dateTime={new Date(at).toISOString()}>{timeAgo(at, now)}</time>
        {job.attempts > 0 && ` · ${plural(job.attempts, 'attempt')}`}
      </p>
      {/* A waiting write's reason is the connection's, shown once on the connection card. */}
      {failed && job.error && <p class="message message--error">{job.error.message}</p>}
      {error && (
        <p class="message message--error" role="alert">
          {error}
        </p>
      )}
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`} class="confirm__title">
            Discard “{job.summary}”?
          </p>
          <p class="card__text">It will never be sent to GHL, and cannot be recovered.</p>
          <div class="row">
            <button
              type="button"
              class="button button--danger"
              disabled={busy}
              onClick={() => act('outbox/discard')}
            >
              Discard for good
            </button>
            <button
              ref={keepButton}
              type="button"
              class="button button--secondary"
              onClick={() => setConfirming(false)}
            >
              Keep
            </button>
          </div>
        </div>
      ) : (
        <div class="row">
          {failed && (
            <button
              type="button"
              class="button"
              disabled={busy}
              aria-label={`Retry ${job.summary}`}
              onClick={() => act('outbox/retry')}
            >
              Retry
            </button>
          )}
          <button
            ref={discardButton}
            type="button"
            class="button button--secondary"
            disabled={busy}
            aria-label={`Discard ${job.summary}`}
            onClick={() => setConfirming(true)}
          >
            Discard…
          </button>
        </div>
      )}
    </li>
  );
}
