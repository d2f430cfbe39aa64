import { useState } from 'preact/hooks';
import { defaultMapping } from '@/utils/mapping/default-mapping';
import type { FieldMapping } from '@/utils/messaging/field-mapping-schema';
import { errorWords } from '@/utils/messaging/send-message';
import { MappingFileActions, type Outcome } from './mapping-file-actions';
import { useFocusRequest } from './use-focus-request';

/** Props of {@link MappingActions}. */
export interface MappingActionsProps {
  draft: FieldMapping;
  live: FieldMapping;
  changed: boolean;
  /** Why the draft cannot be applied or exported now, if it cannot. */
  blocked?: string;
  /** Makes the draft live; resolves to how many records were recomputed. */
  apply(): Promise<number>;
  onDraft(draft: FieldMapping): void;
  onOutcome(outcome: Outcome | undefined): void;
}

/**
 * What the person does with the draft: Apply (the only way it goes live), Discard draft, Reset to
 * defaults (after a confirmation, as a draft), Export and Import JSON.
 */
export function MappingActions(props: MappingActionsProps) {
  const { draft, live, changed, blocked, apply, onDraft, onOutcome } = props;
  const [applying, setApplying] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const { container, focus } = useFocusRequest<HTMLDivElement>();

  async function applyDraft() {
    if (blocked) return onOutcome({ ok: false, text: `Not applied: ${blocked}` });
    setApplying(true);
    onOutcome(undefined);
    try {
      const updated = await apply();
      onOutcome({ ok: true, text: `The draft is live. ${updatedWords(updated)}` });
    } catch (failure) {
      onOutcome({ ok: false, text: errorWords(failure, 'The mapping could not be applied.') });
    } finally {
      setApplying(false);
    }
  }
  function closeReset(reset: boolean) {
    setConfirmReset(false);
    focus(['reset']);
    if (!reset) return;
    onDraft(defaultMapping());
    onOutcome({ ok: true, text: 'The draft is the default mapping. Apply to make it live.' });
  }

  return (
    <div ref={container} class="mapping-editor__actions">
      <div class="row">
        <button type="button" class="button" disabled={applying} onClick={() => void applyDraft()}>
          {applying ? 'Applying…' : 'Apply'}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={!changed}
          onClick={() => onDraft(live)}
        >
          Discard draft
        </button>
        <button
          type="button"
          class="button button--secondary"
          data-focus="reset"
          onClick={() => {
            setConfirmReset(true);
            focus(['reset-confirm']);
          }}
        >
          Reset to defaults
        </button>
        <MappingFileActions
          draft={draft}
          blocked={blocked}
          onImport={onDraft}
          onOutcome={onOutcome}
        />
      </div>
      {confirmReset && (
        <div class="confirm" role="group" aria-labelledby="mapping-reset-title">
          <p id="mapping-reset-title" class="confirm__title">
            Replace the draft with the default mapping?
          </p>
          <p class="hint">Your draft’s rules are lost; the live mapping stays until you apply.</p>
          <div class="row">
            <button
              type="button"
              class="button"
              data-focus="reset-confirm"
              onClick={() => closeReset(true)}
            >
              Replace the draft
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => closeReset(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** How many records Apply recomputed, in words. */
function updatedWords(updated: number): string {
  if (updated === 0) return 'No transcript record needed updating.';
  return updated === 1
    ? '1 transcript record was updated.'
    : `${updated} transcript records were updated.`;
}
