import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import { contactName } from '../../mapping/source-values';

/** The pieces the operations' descriptions and messages are made of. */

/** ` ‘value’`, or nothing. */
export const quoted = (value: string | undefined) => (value ? ` ‘${value}’` : '');

/** `‘a’, ‘b’`. */
export const list = (values: string[]) => values.map((v) => `‘${v}’`).join(', ');

/** A value that is a string, or undefined. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The start of a note's text, so two queued notes can be told apart in a list. */
export function preview(text: string | undefined, max = 40): string | undefined {
  const flat = text?.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** A contact's name as a person reads it, or its email or phone. */
export function summaryName(contact: Partial<GhlContact> | Record<string, unknown>) {
  const c = contact as Partial<GhlContact>;
  return contactName(c) ?? (c.phone || undefined);
}

const NOT_MADE = 'so the change was not made.';

/** Why a write to something GHL no longer has was not made, naming what is gone. */
export function goneMessage(what: 'task' | 'note' | 'contact'): string {
  return `The ${what} no longer exists in GHL (it may have been deleted there), ${NOT_MADE}`;
}

/** A task or note is created on a contact: a 404 there means the contact went. */
export const CONTACT_GONE = `The contact no longer exists in GHL, ${NOT_MADE}`;
