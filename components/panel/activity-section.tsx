import { isGhlAppUrl } from '@/utils/ghl/api-constants';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import { PanelSection } from './sections/panel-section';
import { useShowAll } from './sections/show-all';
import { ALL_OPEN, type SectionMemory } from './sections/use-section-memory';

/** The most lines kept in view, and how many show before "Show all". */
const KEPT = 20;
const FEW = 5;

/**
 * The transcript's timeline, newest first: what changed about its contact, tasks and notes (the
 * sync writes these lines). Each line links to the record in GHL when it has an address.
 */
export function ActivitySection({
  activity,
  memory = ALL_OPEN,
}: {
  activity: TranscriptView['activity'];
  memory?: SectionMemory;
}) {
  const rows = useShowAll(activity.slice(0, KEPT), FEW);
  return (
    <PanelSection
      name="activity"
      title="Activity"
      summary={activity.length > 0 ? String(Math.min(activity.length, KEPT)) : undefined}
      memory={memory}
    >
      {activity.length === 0 ? (
        <p class="panel__empty">
          Nothing has changed yet. Edits to this contact, its tasks and notes show here.
        </p>
      ) : (
        <ul class="panel__activity" aria-label="Activity">
          {rows.shown.map((entry) => (
            <li key={`${entry.at}-${entry.text}`}>
              {isGhlAppUrl(entry.url) ? (
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
      {rows.button}
    </PanelSection>
  );
}
