import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { usePanelActions } from '../panel-actions';
import type { PanelContact } from '../panel-records';
import {
  CONTACT_FORM_FIELDS,
  contactChanges,
  contactFormValues,
  validateContactForm,
  type ContactFormErrors,
  type ContactFormField,
  type ContactFormValues,
} from './contact-validation';

const LABELS: Record<ContactFormField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
};
// One object per field (not a union of type strings), so Preact's per-type input props check.
const INPUT_KINDS: Record<
  ContactFormField,
  { type: 'text' } | { type: 'email' } | { type: 'tel' }
> = {
  firstName: { type: 'text' },
  lastName: { type: 'text' },
  email: { type: 'email' },
  phone: { type: 'tel' },
};

/** Props of {@link ContactEdit}. */
export interface ContactEditProps {
  contact: PanelContact;
  /** The contact's name as the card shows it, for the form's accessible name. */
  name: string;
}

/**
 * "Edit contact" and its form: first and last name, email, phone. Checked before sending (errors
 * beside their fields, focus on the first one, nothing sent); only changed fields are sent as a
 * `contact.update`. Escape or Cancel closes the form and gives focus back to the button.
 */
export function ContactEdit({ contact, name }: ContactEditProps) {
  const { write, announce } = usePanelActions();
  const [values, setValues] = useState<ContactFormValues>();
  const [errors, setErrors] = useState<ContactFormErrors>({});
  const [saving, setSaving] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const wasOpen = useRef(false);
  const id = useId();
  const open = values !== undefined;

  useEffect(() => {
    if (open && !wasOpen.current) focusField(form.current, 'firstName');
    if (!open && wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const close = () => {
    setValues(undefined);
    setErrors({});
  };

  if (!values) {
    return (
      <button
        ref={opener}
        type="button"
        class="panel__button"
        onClick={() => setValues(contactFormValues(contact))}
      >
        Edit contact
      </button>
    );
  }

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateContactForm(values);
    setErrors(found);
    const firstInvalid = CONTACT_FORM_FIELDS.find((field) => found[field]);
    if (firstInvalid) return focusField(form.current, firstInvalid);
    const body = contactChanges(contact, values);
    if (Object.keys(body).length === 0) {
      announce('Nothing changed.');
      return close();
    }
    setSaving(true);
    const stored = await write({ kind: 'contact.update', contactId: contact.id, body });
    setSaving(false);
    // A refused write was announced by `write`; the form stays open with what was typed.
    if (!stored) return;
    announce('Contact changes saved — sending to GHL');
    close();
  };

  return (
    <form
      ref={form}
      class="panel__form"
      aria-label={`Edit contact ${name}`}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      {CONTACT_FORM_FIELDS.map((field) => {
        const error = errors[field];
        return (
          <div class="panel__field" key={field}>
            <label for={`${id}-${field}`}>{LABELS[field]}</label>
            <input
              id={`${id}-${field}`}
              name={field}
              class="panel__input"
              {...INPUT_KINDS[field]}
              value={values[field]}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id}-${field}-error` : undefined}
              onInput={(event) => {
                const value = event.currentTarget.value;
                setValues((current) => current && { ...current, [field]: value });
                setErrors((current) => ({ ...current, [field]: undefined }));
              }}
            />
            {error && (
              <span id={`${id}-${field}-error`} class="panel__field-error">
                {error}
              </span>
            )}
          </div>
        );
      })}
      {/* GHL's update (UpdateContactDto) has no companyName: GHL refuses it on PUT. */}
      <p class="panel__meta">The company is changed in GHL.</p>
      <div class="panel__actions">
        <button type="submit" class="panel__button panel__button--primary" disabled={saving}>
          Save
        </button>
        <button type="button" class="panel__button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function focusField(form: HTMLFormElement | null, field: ContactFormField): void {
  form?.querySelector<HTMLInputElement>(`input[name="${field}"]`)?.focus();
}
