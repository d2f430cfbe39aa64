import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultMapping } from '@/utils/mapping/default-mapping';
import type { FieldMapping } from '@/utils/mapping/field-mapping';
import { errorWords } from '@/utils/messaging/send-message';
import { addRule, moveRule, removeRule, replaceRule, ruleName } from './draft-rules';
import { draftProblems } from './draft-problems';
import { MappingFileActions, type Outcome } from './mapping-file-actions';
import { MappingPreview } from './mapping-preview';
import { MappingRuleEditor } from './mapping-rule';
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
  const [applying, setApplying] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // After a move, add or remove, the control to focus ("<ruleId>:<source|up|down>" or "add").
  const [focusNext, setFocusNext] = useState<string[]>();
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusNext) return;
    const target = focusNext
      .map((key) => section.current?.querySelector<HTMLElement>(`[data-focus="${key}"]`))
      .find((element) => element && !(element as HTMLButtonElement).disabled);
    target?.focus();
    setFocusNext(undefined);
  }, [focusNext]);

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
  function change(next: FieldMapping, focus?: string[]) {
    edit(next);
    setOutcome(undefined);
    if (focus) setFocusNext(focus);
  }
  function move(ruleId: string, by: -1 | 1) {
    const next = moveRule(draft!, ruleId, by);
    const at = next.rules.findIndex((rule) => rule.id === ruleId);
    setAnnouncement(`‘${ruleName(next, ruleId)}’ is now rule ${at + 1} of ${next.rules.length}.`);
    // Stay on the button pressed; at the end of the list it is disabled, so its sibling.
    const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
    change(next, [`${ruleId}:${same}`, `${ruleId}:${other}`]);
  }
  function remove(ruleId: string) {
    const index = draft!.rules.findIndex((rule) => rule.id === ruleId);
    setAnnouncement(`‘${ruleName(draft!, ruleId)}’ was removed from the draft.`);
    const after = draft!.rules[index + 1] ?? draft!.rules[index - 1];
    change(removeRule(draft!, ruleId), after ? [`${after.id}:source`, 'add'] : ['add']);
  }
  function add() {
    const { mapping, ruleId } = addRule(draft!);
    setAnnouncement(`Rule ${mapping.rules.length} added.`);
    change(mapping, [`${ruleId}:source`]);
  }
  async function applyDraft() {
    if (blocked) return setOutcome({ ok: false, text: `Not applied: ${blocked}` });
    setApplying(true);
    setOutcome(undefined);
    try {
      const updated = await apply();
      setOutcome({ ok: true, text: `The draft is live. ${updatedWords(updated)}` });
    } catch (failure) {
      setOutcome({ ok: false, text: errorWords(failure, 'The mapping could not be applied.') });
    } finally {
      setApplying(false);
    }
  }

  return (
    <section ref={section} class="card mapping-editor" aria-labelledby="mapping-title">
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
      <ol class="mapping-editor__rules">
        {draft.rules.map((rule, index) => (
          <MappingRuleEditor
            key={rule.id}
            rule={rule}
            index={index}
            count={draft.rules.length}
            name={ruleName(draft, rule.id)}
            problems={problems.byRule.get(rule.id) ?? []}
            customFields={custom.fields}
            onChange={(next) => change(replaceRule(draft, next))}
            onMove={(by) => move(rule.id, by)}
            onRemove={() => remove(rule.id)}
          />
        ))}
      </ol>
      {draft.rules.length === 0 && <p class="hint">No rules: records would carry no GHL field.</p>}
      <button type="button" class="button button--secondary" data-focus="add" onClick={add}>
        Add a rule
      </button>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      <MappingPreview draft={draft} blocked={blocked} />
      <div class="row mapping-editor__actions">
        <button type="button" class="button" disabled={applying} onClick={() => void applyDraft()}>
          {applying ? 'Applying…' : 'Apply'}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={!changed}
          onClick={() => change(live)}
        >
          Discard draft
        </button>
        <button
          type="button"
          class="button button--secondary"
          data-focus="reset"
          onClick={() => {
            setConfirmReset(true);
            setFocusNext(['reset-confirm']);
          }}
        >
          Reset to defaults
        </button>
        <MappingFileActions
          draft={draft}
          blocked={blocked}
          onImport={(m) => change(m)}
          onOutcome={setOutcome}
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
              onClick={() => {
                setConfirmReset(false);
                change(defaultMapping(), ['reset']);
                setOutcome({
                  ok: true,
                  text: 'The draft is the default mapping. Apply to make it live.',
                });
              }}
            >
              Replace the draft
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setConfirmReset(false);
                setFocusNext(['reset']);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
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

/** How many records Apply recomputed, in words. */
function updatedWords(updated: number): string {
  if (updated === 0) return 'No transcript record needed updating.';
  return updated === 1
    ? '1 transcript record was updated.'
    : `${updated} transcript records were updated.`;
}
