import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { GhlSource } from './field-mapping';

/**
 * What a mapping rule reads from a GHL contact, as text a person reads: lists joined with ", ",
 * booleans as "Yes"/"No", objects (do-not-disturb per channel, attribution) as "key: value" pairs,
 * dates exactly as GHL sent them (the date transform formats them).
 */

/**
 * A contact's name as GHL has it (name, else first and last name), else its email; undefined when
 * it has none of them. Takes a partial contact: a create's body is named the same way.
 */
export function contactName(contact: Partial<GhlContact>): string | undefined {
  const full = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return contact.name?.trim() || full.trim() || contact.email || undefined;
}

/** The raw value a source points at: a standard field, or a custom field's value by id. */
export function sourceValue(contact: GhlContact, source: GhlSource): unknown {
  if (source.kind === 'custom') {
    return contact.customFields?.find((field) => field.id === source.id)?.value;
  }
  if (source.field === 'name') return contactName(contact);
  // The contact schema is loose: fields it does not list (lastActivity, keyword…) are still there.
  return (contact as Record<string, unknown>)[source.field];
}

/** The text of a source; '' when the contact has no value there. */
export function sourceText(contact: GhlContact, source: GhlSource): string {
  return valueText(sourceValue(contact, source));
}

/**
 * The source as a list (tags, a multi-option custom field); a text is read as a comma list,
 * so a filter works on "vip, lead" as it does on ['vip', 'lead'].
 */
export function sourceList(contact: GhlContact, source: GhlSource): string[] {
  const value = sourceValue(contact, source);
  const items = Array.isArray(value) ? value.map(valueText) : valueText(value).split(',');
  return items.map((item) => item.trim()).filter(Boolean);
}

/** Any value GHL sends as text; never "[object Object]". */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    return objectPairs(value as Record<string, unknown>, '')
      .map(([key, text]) => `${key}: ${text}`)
      .join(', ');
  }
  return '';
}

/**
 * An object's leaves as [path, text] pairs; a nested object's keys are prefixed with its own,
 * so `{Call: {status: 'active'}}` reads "Call status: active". Empty leaves are left out.
 */
function objectPairs(object: Record<string, unknown>, prefix: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix} ${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      pairs.push(...objectPairs(value as Record<string, unknown>, path));
      continue;
    }
    const text = valueText(value);
    if (text) pairs.push([path, text]);
  }
  return pairs;
}
