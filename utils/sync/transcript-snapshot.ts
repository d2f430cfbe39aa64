import type { GhlContact } from '../ghl/schemas/contact-schemas';
import { formatActivityDate } from './activity-narrative';

/**
 * The contact fields a transcript's record keeps (its "mapped fields snapshot"), as a data table.
 * The mapping screen (issue 7) will let a person choose these; until then the default applies.
 */
export interface FieldMapping {
  /** What the panel shows, and the key in the snapshot. */
  label: string;
  /** The contact field read; `name` falls back to first and last name, then email. */
  source: keyof GhlContact & string;
  /** How the value becomes text: as is, a list joined with commas, or a date like "26 Nov 2026". */
  format: 'text' | 'list' | 'date';
  /**
   * Bookkeeping, not content: a change here alone is not named as "what changed" on the timeline
   * (GHL moves `dateUpdated` on every edit).
   */
  bookkeeping?: boolean;
}

/** The mapping used until a person chooses one. */
export const DEFAULT_FIELD_MAPPING: readonly FieldMapping[] = [
  { label: 'Name', source: 'name', format: 'text' },
  { label: 'Email', source: 'email', format: 'text' },
  { label: 'Phone', source: 'phone', format: 'text' },
  { label: 'Company', source: 'companyName', format: 'text' },
  { label: 'Tags', source: 'tags', format: 'list' },
  { label: 'Owner', source: 'assignedTo', format: 'text' },
  { label: 'Updated', source: 'dateUpdated', format: 'date', bookkeeping: true },
];

/** Options of {@link contactSnapshot}. */
export interface SnapshotOptions {
  mapping?: readonly FieldMapping[];
  /** For dates; the runtime's time zone by default. */
  timeZone?: string;
}

/**
 * A contact's name as GHL has it (name, else first and last name), else its email; undefined when
 * it has none of them. Takes a partial contact: a create's body is named the same way.
 */
export function contactName(contact: Partial<GhlContact>): string | undefined {
  const full = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return contact.name?.trim() || full.trim() || contact.email || undefined;
}

/** A contact's name as a person reads it on a timeline; never empty. */
export function contactDisplayName(contact: GhlContact | undefined): string {
  if (!contact) return 'Unknown contact';
  return contactName(contact) ?? 'Unnamed contact';
}

/** The mapped fields of a contact (label → text). Empty fields are left out. */
export function contactSnapshot(
  contact: GhlContact,
  options: SnapshotOptions = {},
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of options.mapping ?? DEFAULT_FIELD_MAPPING) {
    const text = fieldText(contact, field, options.timeZone);
    if (text) fields[field.label] = text;
  }
  return fields;
}

/** The labels whose text differs between two snapshots, bookkeeping fields left out. */
export function changedFieldLabels(
  before: Record<string, string> | undefined,
  after: Record<string, string>,
  mapping: readonly FieldMapping[] = DEFAULT_FIELD_MAPPING,
): string[] {
  if (!before) return [];
  return mapping
    .filter((f) => !f.bookkeeping && (before[f.label] ?? '') !== (after[f.label] ?? ''))
    .map((f) => f.label);
}

function fieldText(contact: GhlContact, field: FieldMapping, timeZone?: string): string {
  if (field.source === 'name') return contactDisplayName(contact);
  const value: unknown = contact[field.source];
  if (value === null || value === undefined) return '';
  if (field.format === 'list' && Array.isArray(value)) return value.map(String).join(', ');
  if (field.format === 'date' && typeof value === 'string') {
    const at = Date.parse(value);
    return Number.isNaN(at) ? value : formatActivityDate(at, timeZone);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
