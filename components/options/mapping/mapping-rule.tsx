import type { MappingRule } from '@/utils/messaging/field-mapping-schema';
import type { MappingProblem } from '@/utils/mapping/mapping-problems';
import type { CustomFieldChoice } from '@/utils/messaging/protocol';
import { SourcePicker } from './source-picker';
import { TargetPicker } from './target-picker';
import { TransformFields } from './transform-fields';

/** Props of {@link MappingRuleEditor}. */
export interface MappingRuleProps {
  rule: MappingRule;
  index: number;
  count: number;
  /** What buttons call the rule ("Move ‘Email’ up"). */
  name: string;
  problems: MappingProblem[];
  customFields: CustomFieldChoice[];
  onChange(rule: MappingRule): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

/**
 * One rule of the draft: where it reads, where it writes, its transform, whether the card lists
 * it, and its problems beside it (the controls they concern are marked invalid and point at
 * them). Its buttons carry `data-focus` so the editor can keep the focus on a moved rule.
 */
export function MappingRuleEditor(props: MappingRuleProps) {
  const { rule, index, count, name, problems, customFields, onChange, onMove, onRemove } = props;
  const id = `mapping-rule-${rule.id}`;
  const problemId = (at: number) => `${id}-problem-${at}`;
  /** The ids of the problems about `part`, for aria-describedby; undefined when none. */
  const about = (part: MappingProblem['part']) =>
    problems.flatMap((problem, at) => (problem.part === part ? [problemId(at)] : [])).join(' ') ||
    undefined;

  return (
    <li class={`mapping-rule${problems.length ? ' mapping-rule--invalid' : ''}`}>
      <fieldset class="mapping-rule__group">
        <legend class="mapping-rule__title">
          Rule {index + 1}: {name}
        </legend>
        <div class="mapping-rule__ends">
          <SourcePicker
            id={`${id}-source`}
            label="GHL field"
            source={rule.source}
            customFields={customFields}
            problemsId={about('source')}
            focusKey={`${rule.id}:source`}
            onChange={(source) => onChange({ ...rule, source })}
          />
          <span class="mapping-rule__arrow" aria-hidden="true">
            →
          </span>
          <TargetPicker
            id={`${id}-target`}
            target={rule.target}
            problemsId={about('target')}
            onChange={(target) => onChange({ ...rule, target })}
          />
        </div>
        <TransformFields
          id={`${id}-transform`}
          source={rule.source}
          transform={rule.transform}
          customFields={customFields}
          problemsId={about('transform')}
          onChange={(transform) => onChange(withTransform(rule, transform))}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={rule.showOnCard}
            onChange={(event) => onChange({ ...rule, showOnCard: event.currentTarget.checked })}
          />
          Show on card
        </label>
        {problems.length > 0 && (
          <ul class="mapping-rule__problems">
            {problems.map((problem, at) => (
              <li key={at} id={problemId(at)} class="field__error">
                {problem.message}
              </li>
            ))}
          </ul>
        )}
        <div class="row">
          <button
            type="button"
            class="button button--secondary button--small"
            aria-label={`Move ‘${name}’ up`}
            data-focus={`${rule.id}:up`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            Move up
          </button>
          <button
            type="button"
            class="button button--secondary button--small"
            aria-label={`Move ‘${name}’ down`}
            data-focus={`${rule.id}:down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            Move down
          </button>
          <button
            type="button"
            class="button button--secondary button--small"
            aria-label={`Remove ‘${name}’`}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/** The rule with `transform`, or with none (the key left out, as the stored format has it). */
function withTransform(rule: MappingRule, transform: MappingRule['transform']): MappingRule {
  const rest = { ...rule };
  delete rest.transform;
  return transform ? { ...rest, transform } : rest;
}
