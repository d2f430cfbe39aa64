import { Fragment } from 'preact';
import type { TranscriptView } from '@/utils/sync/transcript-view';

const ACTIVITY_SHOWN = 5;

/**
 * The linked contact as the sync last saw it: the mapped fields snapshot and the latest lines of
 * the transcript's timeline. Every value is GHL or page text, rendered as text.
 */
export function PanelContact({ view }: { view: TranscriptView }) {
  if (!view.link) {
    return <p class="panel__empty">No GHL contact is linked to this transcript.</p>;
  }
  const fields = Object.entries(view.fields ?? {}).filter(([, value]) => value !== '');
  return (
    <section class="panel__section" aria-label="Linked contact" data-testid="linked-contact">
      <h2 class="panel__title">{view.fields?.Name || 'Linked contact'}</h2>
      {view.contactDeletedAt !== undefined && (
        <p class="panel__notice panel__notice--alert" role="status">
          This contact was deleted in GHL.
        </p>
      )}
      <dl class="panel__facts">
        {fields.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {view.syncedAt !== undefined && (
        <p class="panel__meta">
          Synced{' '}
          <time dateTime={new Date(view.syncedAt).toISOString()}>{timeOf(view.syncedAt)}</time>
        </p>
      )}
      {view.activity.length > 0 && (
        <>
          <h3 class="panel__subtitle">Activity</h3>
          <ul class="panel__activity" aria-label="Activity">
            {view.activity.slice(0, ACTIVITY_SHOWN).map((entry) => (
              <li key={`${entry.at}-${entry.text}`}>{entry.text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** "14:05" today; "24 Nov, 14:05" on another day, so an old sync never looks fresh. */
function timeOf(at: number, now = Date.now()): string {
  const time = { hour: '2-digit', minute: '2-digit' } as const;
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return new Date(at).toLocaleString(
    undefined,
    sameDay ? time : { day: 'numeric', month: 'short', ...time },
  );
}
