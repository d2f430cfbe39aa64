import { useState } from 'preact/hooks';
import type { FieldMapping } from '@/utils/messaging/field-mapping-schema';
import { namedCustomFields } from './custom-field-names';
import { draftProblems } from './draft-problems';
import { MappingActions } from './mapping-actions';
import type { Outcome } from './mapping-file-actions';
import { MappingPreview } from './mapping-preview';
import { MappingRuleList } from './mapping-rule-list';
import { useCustomFields, useMappingDraft } from './use-mapping-draft';
import './mapping-editor.css';

/**
 * The options page's "Field mapping" editor: the person edits a draft of the live mapping (add,
 * remove, reorder rules; pick fields and transforms), sees each rule's problems beside it,
 * previews what the draft would change, and applies it. Import, export and reset change the
 * draft only; nothing is live until Apply.
 */
export function MappingEditor() {
  const { live, draft, loadError, load, changed, edit, apply } = useMappingDraft();
  const custom = useCustomFields();
  const [outcome, setOutcome] = useState<Outcome>();

  if (!draft || !live) {
    return (
      <section class="card" aria-labelledby="mapping-title" aria-busy={!loadError}>
        <h2 id="mapping-title" class="card__title">
          Field mapping
        </h2>
        {loadError && (
          <>
            <p class="message message--error" role="alert">
              {loadError}
            </p>
            <button type="button" class="button button--secondary" onClick={() => void load()}>
              Try again
            </button>
          </>
        )}
      </section>
    );
  }

  const problems = draftProblems(draft);
  const blocked = problems.count
    ? `fix the ${problems.count === 1 ? 'problem' : `${problems.count} problems`} marked in the draft first.`
    : undefined;
  /** Every change of the draft: what an earlier action said no longer holds. */
  function change(next: FieldMapping) {
    edit(next);
    setOutcome(undefined);
  }

  return (
    <section class="card mapping-editor" aria-labelledby="mapping-title">
      <h2 id="mapping-title" class="card__title">
        Field mapping
      </h2>
      <p class="card__text">
        Which GHL contact fields each linked transcript’s record carries, under which name, and
        which of them the card shows. You edit a draft: preview it, then apply it.
      </p>
      <p class={`mapping-editor__state${changed ? ' mapping-editor__state--changed' : ''}`}>
        {changed
          ? 'The draft has changes that are not live yet.'
          : 'The draft is the live mapping.'}
      </p>
      {custom.error && <p class="hint">{custom.error} You can still type a custom field’s id.</p>}
      {problems.general.length > 0 && (
        <ul class="message message--error mapping-editor__problems">
          {problems.general.map((problem, at) => (
            <li key={at}>{problem.message}</li>
          ))}
        </ul>
      )}
      <MappingRuleList
        draft={draft}
        problems={problems}
        customFields={namedCustomFields(custom.fields, draft)}
        onChange={change}
      />
      <MappingPreview draft={draft} live={live} blocked={blocked} />
      <MappingActions
        draft={draft}
        live={live}
        changed={changed}
        blocked={blocked}
        apply={apply}
        onDraft={change}
        onOutcome={setOutcome}
      />
      {/* The status region is always there, so a change of its words is announced. */}
      <div role="status">{outcome?.ok && <p class="message">{outcome.text}</p>}</div>
      {outcome && !outcome.ok && (
        <p class="message message--error" role="alert">
          {outcome.text}
        </p>
      )}
    </section>
  );
}
