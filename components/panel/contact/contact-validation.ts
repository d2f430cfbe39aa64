import type { UpdateContactInput } from '@/utils/ghl/schemas/contact-schemas';
import type { PanelContact } from '../panel-records';

/**
 * The rules of the contact edit form, checked before anything is sent: GHL answers a malformed
 * email or phone with a 422 long after the person has moved on, so the form catches them inline.
 * Pure functions; the form shows their messages beside the fields.
 */

/**
 * The fields the form edits, named as GHL's `UpdateContactDto` names them (`companyName` is not
 * in the spec's DTO, but real GHL takes it: utils/ghl/schemas/contact-schemas.ts says why).
 */
export const CONTACT_FORM_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'companyName',
] as const;
/** The fields a contact is found and named by: one must remain. */
const IDENTITY_FIELDS = ['firstName', 'lastName', 'email', 'phone'] as const;
export type ContactFormField = (typeof CONTACT_FORM_FIELDS)[number];

/** What the person typed, one text per field. */
export type ContactFormValues = Record<ContactFormField, string>;
/** A message per invalid field. */
export type ContactFormErrors = Partial<Record<ContactFormField, string>>;
/** A PUT /contacts/:id body with the changed fields only; null clears a field in GHL. */
export type ContactChanges = Pick<UpdateContactInput, ContactFormField>;

export const EMAIL_MESSAGE = 'Enter an email like name@example.com';
export const PHONE_CHARACTERS_MESSAGE =
  'A phone number may only use digits, spaces, +, -, . and parentheses';
export const PHONE_LENGTH_MESSAGE = 'Enter a phone number of 7 to 15 digits';
export const IDENTITY_MESSAGE = 'Keep a name, an email or a phone number';

// One @, no spaces, and a domain with a dot between non-empty parts: what GHL accepts in practice.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE_CHARACTERS = /^[+\d\s().-]+$/;

/** The email's problem, or undefined when it is empty or well formed. */
export function emailError(value: string): string | undefined {
  const email = value.trim();
  return email === '' || EMAIL.test(email) ? undefined : EMAIL_MESSAGE;
}

/** The phone's problem, or undefined when it is empty or has 7-15 digits (E.164 allows 15). */
export function phoneError(value: string): string | undefined {
  const phone = value.trim();
  if (phone === '') return undefined;
  if (!PHONE_CHARACTERS.test(phone)) return PHONE_CHARACTERS_MESSAGE;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 ? undefined : PHONE_LENGTH_MESSAGE;
}

/**
 * Every problem with the form, by field. A contact with no name, email or phone could not be
 * found or named again, so at least one must remain (the message goes on the first name).
 */
export function validateContactForm(values: ContactFormValues): ContactFormErrors {
  const errors: ContactFormErrors = {};
  const email = emailError(values.email);
  const phone = phoneError(values.phone);
  if (email) errors.email = email;
  if (phone) errors.phone = phone;
  if (IDENTITY_FIELDS.every((field) => values[field].trim() === '')) {
    errors.firstName = IDENTITY_MESSAGE;
  }
  return errors;
}

/** The form's starting values: the contact as the panel shows it. */
export function contactFormValues(contact: PanelContact): ContactFormValues {
  return {
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    companyName: contact.companyName ?? '',
  };
}

/**
 * The fields the person changed since the form opened (`start`, from {@link contactFormValues}),
 * trimmed; a field emptied becomes null (GHL clears it). Compared with the starting values, not
 * the contact as cached now: a sync may refresh it while the form is open, and the form's older
 * value of a field a colleague changed in GHL must not be sent back as if the person typed it.
 */
export function contactChanges(
  start: ContactFormValues,
  values: ContactFormValues,
): ContactChanges {
  const changes: ContactChanges = {};
  for (const field of CONTACT_FORM_FIELDS) {
    const value = values[field].trim();
    if (value !== start[field].trim()) changes[field] = value === '' ? null : value;
  }
  return changes;
}
