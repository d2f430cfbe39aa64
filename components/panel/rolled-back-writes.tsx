import { useEffect, useRef } from 'preact/hooks';
import { errorWords, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { OutboxJobView } from '@/utils/messaging/write-schemas';
import { ConfirmDelete } from './confirm-delete';
import { usePanelActions } from './panel-actions';

/** Props of {@link RolledBackWrites}. */
export interface RolledBackWritesProps {
  failed: OutboxJobView[];
  /** Called after a retry or discard, to read the transcript again. */
  onChanged(): void;
}

/**
 * Writes GHL refused for good. The panel already shows the records as GHL has them (the write
 * was rolled back); this says which change did not happen and why, with Retry and Discard.
 */
export function RolledBackWrites({ failed, onChanged }: RolledBackWritesProps) {
  const { announce } = usePanelActions();
  const heading = useRef<HTMLHeadingElement>(null);
  // Failures already there when the panel opened are listed; one that happens while it is open
  // is also said at once (it replaces the "sending to GHL" news that is no longer true).
  const known = useRef<Set<string> | undefined>(undefined);
  useEffect(() => {
    const fresh = known.current ? failed.filter((job) => !known.current!.has(job.id)) : [];
    known.current = new Set(failed.map((job) => job.id));
    const [first] = fresh;
    if (first)
      announce(`Not saved in GHL: ${first.summary}. ${first.error?.message ?? ''}`.trim(), 'alert');
  }, [failed.map((job) => job.id).join(' ')]);
  if (failed.length === 0) return null;
  const act = async (type: 'outbox/retry' | 'outbox/discard', job: OutboxJobView) => {
    // The row goes once the write is retried or discarded. While others remain, the focus waits
    // on the heading; when it was the last one the whole list goes, and the panel decides.
    if (failed.length > 1) heading.current?.focus();
    try {
      await sendTrintMessage(type, { id: job.id });
      announce(
        type === 'outbox/retry' ? `Sending again: ${job.summary}` : `Discarded: ${job.summary}`,
      );
    } catch (error) {
      // Still listed: a discard's confirmation is gone with its buttons, so keep the focus here.
      if (type === 'outbox/discard') heading.current?.focus();
      announce(errorWords(error, 'That did not work. Try again.'), 'alert');
    }
    onChanged();
  };
  return (
    <section class="panel__section panel__rolled-back" aria-labelledby="ghl-rolled-back-title">
      <h3 id="ghl-rolled-back-title" ref={heading} class="panel__subtitle" tabIndex={-1}>
        Not saved in GHL
      </h3>
      <ul class="panel__list">
        {failed.map((job) => (
          <li key={job.id} class="panel__item panel__item--failed">
            <p class="panel__failed-summary">{job.summary}</p>
            {job.error && <p class="panel__meta">{job.error.message}</p>}
            <div class="panel__actions">
              <button
                type="button"
                class="panel__button"
                aria-label={`Retry: ${job.summary}`}
                onClick={() => void act('outbox/retry', job)}
              >
                Retry
              </button>
              <ConfirmDelete
                label="Discard"
                what={`“${job.summary}”`}
                consequence="It will never be sent to GHL."
                onConfirm={() => void act('outbox/discard', job)}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
