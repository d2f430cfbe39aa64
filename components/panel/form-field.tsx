/** Props of {@link FormField}. */
export interface FormFieldProps {
  /** Unique in the page (from useId), the input's id; the error's id adds "-error". */
  id: string;
  /** The input's name, used to focus it when it is the first invalid field. */
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'datetime-local';
  value: string;
  /** The field's problem in words; marks it invalid and describes it for screen readers. */
  error?: string;
  onValue(value: string): void;
}

/**
 * One labelled input of a panel form, with its error beside it (aria-invalid and
 * aria-describedby), so every form announces problems the same way.
 */
export function FormField({
  id,
  name,
  label,
  type = 'text',
  value,
  error,
  onValue,
}: FormFieldProps) {
  return (
    <div class="panel__field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        class="panel__input"
        {...({ type } as { type: 'text' })}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {error && (
        <span id={`${id}-error`} class="panel__field-error">
          {error}
        </span>
      )}
    </div>
  );
}
