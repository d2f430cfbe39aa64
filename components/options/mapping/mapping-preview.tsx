import { useState } from 'preact/hooks';
import type { FieldMapping } from '@/utils/messaging/field-mapping-schema';
import type { MappingPreview as Preview } from '@/utils/messaging/protocol';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../../shared/use-action';
import { cardChanges, cardChangeWords } from './card-changes';
import { PreviewDiff } from './preview-diff';

/** Props of {@link MappingPreview}. */
export interface MappingPreviewProps {
  draft: FieldMapping;
  /** The live mapping, which the card follows now. */
  live: FieldMapping;
  /** Why the draft cannot be previewed now, if it cannot. */
  blocked?: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Preview": what the draft would change in every linked transcript's record, before and after,
 * computed by the background without writing anything, from the cache or (when asked) from
 * the connected account read-only; and which fields the card would start or stop showing,
 * computed here from the live mapping and the draft. A preview of an older draft says so.
 */
export function MappingPreview({ draft, live, blocked }: MappingPreviewProps) {
  const [fresh, setFresh] = useState(false);
  const [result, setResult] = useState<{ preview: Preview; of: FieldMapping; card: string }>();
  const [refused, setRefused] = useState<string>();
  const { busy, error, run } = useAction();

  async function preview() {
    setRefused(undefined);
    if (blocked) return setRefused(`Not previewed: ${blocked}`);
    const of = draft;
    const card = cardChangeWords(cardChanges(live, of));
    await run(async () =>
      setResult({
        preview: await sendMessage('mapping/preview', { mapping: of, fresh }),
        of,
        card,
      }),
    );
  }

  const shown = result?.preview;
  const card = result?.card;
  return (
    <div class="mapping-preview" aria-busy={busy}>
      <h3 class="mapping-editor__subtitle">Preview the draft</h3>
      <label class="check">
        <input
          type="checkbox"
          checked={fresh}
          onChange={(e) => setFresh(e.currentTarget.checked)}
        />
        Read the latest from GHL (Sandbox or live account; reads only)
      </label>
      <div class="row">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => void preview()}
        >
          {busy ? 'Previewing…' : 'Preview'}
        </button>
      </div>
      {(refused ?? error) && (
        <p class="message message--error" role="alert">
          {refused ?? error}
        </p>
      )}
      <div role="status">
        {shown && (
          <p class="message">
            {shown.transcripts.length > 0
              ? `${count(shown.transcripts.length, 'transcript', 'transcripts')} would change. `
              : card
                ? 'No linked transcript’s record would change. '
                : 'Nothing would change. '}
            {`${shown.unchanged} unchanged, ${shown.missing} without a cached contact, ${count(shown.requests, 'GHL read', 'GHL reads')}, nothing was written.`}
          </p>
        )}
      </div>
      {/* A region of its own: the records' words above stay as they are when the card changes. */}
      <div role="status">{shown && card && <p class="message">{card}</p>}</div>
      {result && result.of !== draft && (
        <p class="hint">
          The draft has changed since this preview: preview again to see what it does now.
        </p>
      )}
      {shown?.transcripts.map((transcript) => (
        <PreviewDiff key={transcript.transcriptId} transcript={transcript} />
      ))}
    </div>
  );
}
