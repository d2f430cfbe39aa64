import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';

const SHOWN = 20;

/**
 * The transcript's timeline, newest first: what changed about its contact, tasks and notes (the
 * sync writes these lines). Each line links to the record in GHL when it has an address.
 */
export function ActivitySection({ activity }: { activity: TranscriptView['activity'] }) {
  return (
    <section class="panel__section" aria-labelledby="ghl-activity-title">
      <h3 id="ghl-activity-title" class="panel__subtitle">
        Activity
      </h3>
      {activity.length === 0 ? (
        <p class="panel__empty">
          Nothing has changed yet. Edits to this contact, its tasks and notes show here.
        </p>
      ) : (
        <ul class="panel__activity" aria-label="Activity">
          {activity.slice(0, SHOWN).map((entry) => (
            <li key={`${entry.at}-${entry.text}`}>
              {isGhlAddress(entry.url) ? (
                <a href={entry.url} target="_blank" rel="noopener noreferrer">
                  {entry.text}
                </a>
              ) : (
                entry.text
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Only GHL's own app is linked to: a timeline line is ours, but its address is built from data. */
export function isGhlAddress(url: string | undefined): url is string {
  return url?.startsWith('https://app.gohighlevel.com/') === true;
}
