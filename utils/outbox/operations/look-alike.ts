import type { GhlContactListItem } from '../../ghl/schemas/contact-schemas';
import type { GhlNote } from '../../ghl/schemas/note-schemas';
import type { GhlTask } from '../../ghl/schemas/task-schemas';

/**
 * When a create's answer is lost, the record it made is recognised by its content: GHL takes no
 * idempotency key and gives tasks no creation time. These are the rules, used twice: when a job
 * is queued (which cached records already look like it, so they are never taken for ours) and
 * when it is reconciled (which record in GHL is ours).
 */

type Body = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);

/** Whether two due dates are the same instant: GHL answers them in its own ISO format. */
function sameInstant(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  return Date.parse(a) === Date.parse(b);
}

/** A task task.create with `body` would have made: title, due date and (if given) description. */
export function taskLooksCreated(body: Body, task: GhlTask): boolean {
  return (
    text(task.title) === text(body.title) &&
    sameInstant(task.dueDate, body.dueDate) &&
    (body.body === undefined || (text(task.body) ?? '') === text(body.body))
  );
}

/** A note note.create with `body` would have made: its text and (if given) its title. */
export function noteLooksCreated(body: Body, note: GhlNote): boolean {
  return (
    text(note.body) === text(body.body) &&
    (body.title === undefined || (text(note.title) ?? '') === text(body.title))
  );
}

/** How a contact is looked for: email first, then phone, then name (most to least unique). */
export type ContactKey =
  | { field: 'email'; value: string }
  | { field: 'phone'; value: string }
  | { field: 'name'; value: string };

/** The key contact.create with `body` can be found by (validation ensures there is one). */
export function contactKey(body: Body): ContactKey | undefined {
  const email = text(body.email);
  if (email) return { field: 'email', value: email.toLowerCase() };
  const phone = text(body.phone);
  if (phone) return { field: 'phone', value: phone };
  const name =
    text(body.name) || [text(body.firstName), text(body.lastName)].filter(Boolean).join(' ');
  return name ? { field: 'name', value: name } : undefined;
}

const digits = (value: string) => value.replace(/\D/g, '');
/** Same digits, or one ends with the other (a country code added or left out). */
const sameNumber = (a: string, b: string) =>
  a.length >= 6 && b.length >= 6 && (a.endsWith(b) || b.endsWith(a));
const words = (value: string) => value.toLowerCase().split(/\s+/).filter(Boolean).join(' ');

/** Whether a contact found in GHL has the key's value. */
export function contactHasKey(key: ContactKey, contact: GhlContactListItem): boolean {
  switch (key.field) {
    case 'email':
      return text(contact.email)?.toLowerCase() === key.value;
    case 'phone':
      // GHL may store a phone number reformatted (E.164); the digits stay the same.
      return sameNumber(digits(contact.phone ?? ''), digits(key.value));
    case 'name': {
      const full = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
      return [contact.name, contact.contactName, full].some(
        (candidate) => !!candidate && words(candidate) === words(key.value),
      );
    }
  }
}
