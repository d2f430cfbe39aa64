import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { usePanelActions } from '../panel-actions';
import { validateContactForm, type ContactFormErrors } from '../contact/contact-validation';
import { FormField } from '../form-field';
import { PanelForm } from '../panel-form';
import type { NewContactValues } from './contact-prefill';

type Field = keyof NewContactValues;
const FIELDS: { field: Field; label: string; type: 'text' | 'email' | 'tel' }[] = [
  { field: 'firstName', label: 'First name', type: 'text' },
  { field: 'lastName', label: 'Last name', type: 'text' },
  { field: 'email', label: 'Email', type: 'email' },
  { field: 'phone', label: 'Phone', type: 'tel' },
  { field: 'companyName', label: 'Company', type: 'text' },
];

/** Props of {@link CreateContactForm}. */
export interface CreateContactFormProps {
  locationId: string;
  initial: NewContactValues;
  onClose(): void;
}

/** A POST /contacts/ body: GHL's documented fields only, empty ones left out. */
export function newContactBody(locationId: string, values: NewContactValues) {
  const body: Record<string, string> = { locationId, source: 'GHL for Trint' };
  for (const { field } of FIELDS) {
    const value = values[field].trim();
    if (value) body[field] = value;
  }
  return body;
}

/**
 * "Create a new contact" in GHL, prefilled from the page, checked before sending. The outbox
 * links the new contact to this transcript once GHL has created it.
 */
export function CreateContactForm({ locationId, initial, onClose }: CreateContactFormProps) {
  const { write, announce } = usePanelActions();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ContactFormErrors>({});
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const focus = (field: Field) =>
    form.current?.querySelector<HTMLInputElement>(`input[name="${field}"]`)?.focus();
  useEffect(() => focus('firstName'), []);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateContactForm(values);
    setErrors(found);
    const firstInvalid = FIELDS.find(({ field }) => field !== 'companyName' && found[field]);
    if (firstInvalid) return focus(firstInvalid.field);
    setSaving(true);
    const body = newContactBody(locationId, values);
    const stored = await write({ kind: 'contact.create', body });
    setSaving(false);
    if (!stored) return;
    announce('New contact saved — sending to GHL. It links to this transcript when GHL has it.');
    onClose();
  };

  return (
    <PanelForm
      formRef={form}
      label="New GHL contact"
      submitLabel="Create and link"
      busy={saving}
      onSubmit={submit}
      onCancel={onClose}
    >
      {FIELDS.map(({ field, label, type }) => (
        <FormField
          key={field}
          id={`${id}-${field}`}
          name={field}
          label={label}
          type={type}
          value={values[field]}
          error={field === 'companyName' ? undefined : errors[field]}
          onValue={(value) => setValues((current) => ({ ...current, [field]: value }))}
        />
      ))}
    </PanelForm>
  );
}
