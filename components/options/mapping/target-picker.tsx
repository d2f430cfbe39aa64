import { TRINT_FIELDS, type TrintField } from '@/utils/messaging/trint-fields';
import { type TrintTarget } from '@/utils/messaging/field-mapping-schema';
import { TextField } from './source-picker';

/** Props of {@link TargetPicker}. */
export interface TargetPickerProps {
  /** Unique in the page: the select's id; the custom label input adds "-label". */
  id: string;
  target: TrintTarget;
  problemsId?: string;
  onChange(target: TrintTarget): void;
}

const CUSTOM = 'custom';

/**
 * Picks the transcript record field a rule fills: one of the record's own fields, or a custom
 * label the person types (it becomes the field's name on the card and in exports).
 */
export function TargetPicker({ id, target, problemsId, onChange }: TargetPickerProps) {
  const value = target.kind === 'field' ? `field:${target.field}` : CUSTOM;
  function pick(choice: string) {
    if (choice === CUSTOM) {
      if (target.kind !== 'custom') onChange({ kind: 'custom', label: '' });
    } else {
      onChange({ kind: 'field', field: choice.slice('field:'.length) as TrintField });
    }
  }
  return (
    <div class="mapping-target">
      <div class="field">
        <label class="field__label" for={id}>
          Trint transcript field
        </label>
        <select
          id={id}
          class="field__input"
          value={value}
          aria-invalid={problemsId ? true : undefined}
          aria-describedby={problemsId}
          onChange={(event) => pick(event.currentTarget.value)}
        >
          {Object.entries(TRINT_FIELDS).map(([field, name]) => (
            <option key={field} value={`field:${field}`}>
              {name}
            </option>
          ))}
          <option value={CUSTOM}>Custom label…</option>
        </select>
      </div>
      {target.kind === 'custom' && (
        <TextField
          id={`${id}-label`}
          label="Custom label"
          value={target.label}
          problemsId={problemsId}
          onValue={(label) => onChange({ kind: 'custom', label })}
        />
      )}
    </div>
  );
}
