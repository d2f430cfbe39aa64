import {
  STANDARD_FIELDS,
  type GhlSource,
  type StandardField,
} from '@/utils/messaging/field-mapping-schema';
import type { CustomFieldChoice } from '@/utils/messaging/protocol';

/** Props of {@link SourcePicker}. */
export interface SourcePickerProps {
  /** Unique in the page: the select's id; the custom field inputs add suffixes. */
  id: string;
  label: string;
  source: GhlSource;
  customFields: CustomFieldChoice[];
  /** Set when a problem of this part is shown: marks the controls invalid and points at it. */
  problemsId?: string;
  /** `data-focus` of the select, so the editor can put the focus back on it. */
  focusKey?: string;
  onChange(source: GhlSource): void;
}

const OTHER = 'custom-other';

/**
 * Picks the GHL field a rule reads: a standard contact field, a custom field the background
 * listed (by name where known), or any custom field by the id and name the person types.
 */
export function SourcePicker(props: SourcePickerProps) {
  const { id, label, source, customFields, problemsId, focusKey, onChange } = props;
  const known = source.kind === 'custom' && customFields.some((field) => field.id === source.id);
  const value =
    source.kind === 'standard' ? `standard:${source.field}` : known ? `custom:${source.id}` : OTHER;
  const invalid = problemsId ? true : undefined;

  function pick(choice: string) {
    if (choice.startsWith('standard:')) {
      onChange({ kind: 'standard', field: choice.slice('standard:'.length) as StandardField });
    } else if (choice.startsWith('custom:')) {
      const field = customFields.find((known) => `custom:${known.id}` === choice);
      if (field) onChange({ kind: 'custom', id: field.id, label: field.name ?? field.id });
    } else if (source.kind !== 'custom' || known) {
      onChange({ kind: 'custom', id: '', label: '' });
    }
  }

  return (
    <div class="mapping-source">
      <div class="field">
        <label class="field__label" for={id}>
          {label}
        </label>
        <select
          id={id}
          class="field__input"
          value={value}
          data-focus={focusKey}
          aria-invalid={invalid}
          aria-describedby={problemsId}
          onChange={(event) => pick(event.currentTarget.value)}
        >
          <optgroup label="Standard fields">
            {Object.entries(STANDARD_FIELDS).map(([field, name]) => (
              <option key={field} value={`standard:${field}`}>
                {name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Custom fields">
            {customFields.map((field) => (
              <option key={field.id} value={`custom:${field.id}`}>
                {field.name ?? `Unnamed (${field.id})`}
                {field.example ? ` — e.g. ${field.example}` : ''}
              </option>
            ))}
            <option value={OTHER}>Another custom field (type its id)…</option>
          </optgroup>
        </select>
      </div>
      {source.kind === 'custom' && (
        <div class="mapping-source__custom">
          <TextField
            id={`${id}-id`}
            label="Custom field id"
            value={source.id}
            problemsId={problemsId}
            onValue={(value) => onChange({ ...source, id: value.trim() })}
          />
          <TextField
            id={`${id}-label`}
            label="Custom field name"
            value={source.label}
            problemsId={problemsId}
            onValue={(value) => onChange({ ...source, label: value })}
          />
        </div>
      )}
    </div>
  );
}

/** A labelled text input of the mapping editor. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  problemsId?: string;
  onValue(value: string): void;
}) {
  const { id, label, value, hint, problemsId, onValue } = props;
  const describedBy = [hint && `${id}-hint`, problemsId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="field__input"
        type="text"
        value={value}
        aria-invalid={problemsId ? true : undefined}
        aria-describedby={describedBy}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
