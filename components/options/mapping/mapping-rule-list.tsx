import { useState } from 'preact/hooks';
import type { FieldMapping } from '@/utils/messaging/field-mapping-schema';
import type { CustomFieldChoice } from '@/utils/messaging/protocol';
import type { DraftProblems } from './draft-problems';
import { addRule, moveRule, removeRule, replaceRule, ruleName } from './draft-rules';
import { MappingRuleEditor } from './mapping-rule';
import { useFocusRequest } from './use-focus-request';

/** Props of {@link MappingRuleList}. */
export interface MappingRuleListProps {
  draft: FieldMapping;
  problems: DraftProblems;
  customFields: CustomFieldChoice[];
  onChange(draft: FieldMapping): void;
}

/**
 * The draft's rules in order, and "Add a rule". Moving, adding and removing keep a keyboard
 * user's place (the focus follows the rule) and are announced, since a list that reorders
 * itself says nothing to someone who cannot see it.
 */
export function MappingRuleList({ draft, problems, customFields, onChange }: MappingRuleListProps) {
  const [announcement, setAnnouncement] = useState('');
  const { container, focus } = useFocusRequest<HTMLDivElement>();

  function move(ruleId: string, by: -1 | 1) {
    const next = moveRule(draft, ruleId, by);
    const at = next.rules.findIndex((rule) => rule.id === ruleId);
    setAnnouncement(`‘${ruleName(next, ruleId)}’ is now rule ${at + 1} of ${next.rules.length}.`);
    onChange(next);
    // Stay on the button pressed; at either end of the list it is disabled, so on its sibling.
    focus(by < 0 ? [`${ruleId}:up`, `${ruleId}:down`] : [`${ruleId}:down`, `${ruleId}:up`]);
  }
  function remove(ruleId: string) {
    const index = draft.rules.findIndex((rule) => rule.id === ruleId);
    const neighbour = draft.rules[index + 1] ?? draft.rules[index - 1];
    setAnnouncement(`‘${ruleName(draft, ruleId)}’ was removed from the draft.`);
    onChange(removeRule(draft, ruleId));
    focus(neighbour ? [`${neighbour.id}:source`, 'add'] : ['add']);
  }
  function add() {
    const { mapping, ruleId } = addRule(draft);
    setAnnouncement(`Rule ${mapping.rules.length} added.`);
    onChange(mapping);
    focus([`${ruleId}:source`]);
  }

  return (
    <div ref={container} class="mapping-editor__list">
      <ol class="mapping-editor__rules">
        {draft.rules.map((rule, index) => (
          <MappingRuleEditor
            key={rule.id}
            rule={rule}
            index={index}
            count={draft.rules.length}
            name={ruleName(draft, rule.id)}
            problems={problems.byRule.get(rule.id) ?? []}
            customFields={customFields}
            onChange={(next) => onChange(replaceRule(draft, next))}
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
    </div>
  );
}
