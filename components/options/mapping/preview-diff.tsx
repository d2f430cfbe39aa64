import type { FieldChange, MappingPreview } from '@/utils/messaging/protocol';
import { transcriptUrl } from '@/utils/trint/transcript-url';

type PreviewTranscript = MappingPreview['transcripts'][number];

/** What happened to a field, in words (colour only repeats it). */
function changeKind(change: FieldChange): 'added' | 'removed' | 'changed' {
  if (change.before === undefined) return 'added';
  if (change.after === undefined) return 'removed';
  return 'changed';
}

/**
 * One transcript's record as the draft would change it: its title (a link to it in Trint), its
 * contact, and a table of the fields that differ, each marked added, removed or changed. Every
 * text comes from GHL or Trint and is rendered as text.
 */
export function PreviewDiff({ transcript }: { transcript: PreviewTranscript }) {
  const title = transcript.title?.trim() || `Transcript ${transcript.transcriptId}`;
  return (
    <article class="mapping-diff">
      <h4 class="mapping-diff__title">
        <a
          href={transcriptUrl(transcript.transcriptId, transcript.trintOrigin)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {title}
        </a>
      </h4>
      <p class="hint">Contact: {transcript.contactName}</p>
      <table class="mapping-diff__table">
        <caption class="visually-hidden">Changes to the record of ‘{title}’</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {transcript.changes.map((change) => {
            const kind = changeKind(change);
            return (
              <tr key={change.label} class={`mapping-diff__row mapping-diff__row--${kind}`}>
                <th scope="row">
                  {change.label} <span class="mapping-diff__kind">({kind})</span>
                </th>
                <td>{change.before ?? <span class="mapping-diff__none">none</span>}</td>
                <td>{change.after ?? <span class="mapping-diff__none">none</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
