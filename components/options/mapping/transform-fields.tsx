import {
  DATE_STYLES,
  type DateStyle,
  type GhlSource,
  type Transform,
} from '@/utils/messaging/field-mapping-schema';
import type { CustomFieldChoice } from '@/utils/messaging/protocol';
import { JoinFields } from './join-fields';
import { TextField } from './source-picker';

/** Props of {@link TransformFields}. */
export interface TransformFieldsProps {
  /** Unique in the page: the select's id; the transform's own controls add suffixes. */
  id: string;
  source: GhlSource;
  transform: Transform | undefined;
  customFields: CustomFieldChoice[];
  problemsId?: string;
  onChange(transform: Transform | undefined): void;
}

/** The transform select's choices, with the transform each starts from. */
const CHOICES = {
  none: { name: 'None', start: () => undefined },
  join: { name: 'Join with…', start: joinStart },
  first: { name: 'First name', start: () => ({ kind: 'name-part', part: 'first' }) },
  last: { name: 'Last name', start: () => ({ kind: 'name-part', part: 'last' }) },
  date: { name: 'Date format', start: () => ({ kind: 'date', style: 'medium' }) },
  'tag-filter': {
    name: 'Tag filter',
    start: () => ({ kind: 'tag-filter', mode: 'include', tags: [] }),
  },
} satisfies Record<string, { name: string; start(source: GhlSource): Transform | undefined }>;
type Choice = keyof typeof CHOICES;

/** How each date style is called beside its example. */
const STYLE_NAMES: Record<DateStyle, string> = {
  medium: 'Day month year',
  iso: 'ISO',
  us: 'US',
  european: 'European',
  'date-time': 'Date and time',
};

/** A join starts with the company beside the name, or the name beside anything else. */
function joinStart(source: GhlSource): Transform {
  const other =
    source.kind === 'standard' && source.field === 'companyName' ? 'name' : 'companyName';
  return { kind: 'join', with: [{ kind: 'standard', field: other }], separator: ' — ' };
}

function choiceOf(transform: Transform | undefined): Choice {
  if (!transform) return 'none';
  return transform.kind === 'name-part' ? transform.part : transform.kind;
}

/** Picks a rule's transform and sets what it needs (fields and separator, style, tags). */
export function TransformFields(props: TransformFieldsProps) {
  const { id, source, transform, customFields, problemsId, onChange } = props;
  const invalid = problemsId ? true : undefined;
  return (
    <div class="mapping-transform">
      <div class="field">
        <label class="field__label" for={id}>
          Transform
        </label>
        <select
          id={id}
          class="field__input"
          value={choiceOf(transform)}
          aria-invalid={invalid}
          aria-describedby={problemsId}
          onChange={(event) =>
            onChange(CHOICES[event.currentTarget.value as Choice].start(source) as Transform)
          }
        >
          {Object.entries(CHOICES).map(([choice, { name }]) => (
            <option key={choice} value={choice}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {transform?.kind === 'join' && (
        <JoinFields
          id={`${id}-join`}
          transform={transform}
          customFields={customFields}
          problemsId={problemsId}
          onChange={onChange}
        />
      )}
      {transform?.kind === 'date' && (
        <div class="field">
          <label class="field__label" for={`${id}-style`}>
            Date style
          </label>
          <select
            id={`${id}-style`}
            class="field__input"
            value={transform.style}
            aria-invalid={invalid}
            aria-describedby={problemsId}
            onChange={(event) =>
              onChange({ kind: 'date', style: event.currentTarget.value as DateStyle })
            }
          >
            {Object.entries(DATE_STYLES).map(([style, example]) => (
              <option key={style} value={style}>
                {STYLE_NAMES[style as DateStyle]}: {example}
              </option>
            ))}
          </select>
        </div>
      )}
      {transform?.kind === 'tag-filter' && (
        <>
          <fieldset class="field">
            <legend class="field__label">Tags kept</legend>
            {(['include', 'exclude'] as const).map((mode) => (
              <label key={mode} class="check">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={transform.mode === mode}
                  onChange={() => onChange({ ...transform, mode })}
                />
                {mode === 'include' ? 'Only these tags' : 'Every tag but these'}
              </label>
            ))}
          </fieldset>
          <TextField
            id={`${id}-tags`}
            label="Tags"
            hint="Separated by commas; case does not matter; end a tag with * to match every tag that starts with it."
            // Split as typed, unjoined and untrimmed, so a comma or space being typed stays put;
            // the stored format trims each tag.
            value={transform.tags.join(',')}
            problemsId={problemsId}
            onValue={(text) => onChange({ ...transform, tags: text === '' ? [] : text.split(',') })}
          />
        </>
      )}
    </div>
  );
}
