import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { FormField } from '../form-field';
import { PanelForm } from '../panel-form';
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
  companyName: 'Company',
};
const INPUT_TYPES: Record<ContactFormField, 'text' | 'email' | 'tel'> = {
  firstName: 'text',
  lastName: 'text',
  email: 'email',
  phone: 'tel',
  companyName: 'text',
};

/** Props of {@link ContactEdit}. */
export interface ContactEditProps {
  contact: PanelContact;
  /** The contact's name as the card shows it, for the form's accessible name. */
  name: string;
}

/**
 * "Edit contact" and its form: first and last name, email, phone, company. Checked before sending (errors
 * beside their fields, focus on the first one, nothing sent); only changed fields are sent as a
 * `contact.update`. Escape or Cancel closes the form and gives focus back to the button.
 */
export function ContactEdit({ contact, name }: ContactEditProps) {
  const { write, announce } = usePanelActions();
  const [values, setValues] = useState<ContactFormValues>();
  // The values the form opened with: what the person changed is told from these, not from the
  // contact, which a sync may refresh while the form is open.
  const [start, setStart] = useState<ContactFormValues>();
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

  if (!values || !start) {
    return (
      <button
        ref={opener}
        type="button"
        class="panel__button"
        onClick={() => {
          const opened = contactFormValues(contact);
          setStart(opened);
          setValues(opened);
        }}
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
    const body = contactChanges(start, values);
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
    <PanelForm
      formRef={form}
      label={`Edit contact ${name}`}
      submitLabel="Save"
      busy={saving}
      onSubmit={submit}
      onCancel={close}
    >
      {CONTACT_FORM_FIELDS.map((field) => (
        <FormField
          key={field}
          id={`${id}-${field}`}
          name={field}
          label={LABELS[field]}
          type={INPUT_TYPES[field]}
          value={values[field]}
          error={errors[field]}
          onValue={(value) => {
            setValues((current) => current && { ...current, [field]: value });
            setErrors((current) => ({ ...current, [field]: undefined }));
          }}
        />
      ))}
    </PanelForm>
  );
}

function focusField(form: HTMLFormElement | null, field: ContactFormField): void {
  form?.querySelector<HTMLInputElement>(`input[name="${field}"]`)?.focus();
}
