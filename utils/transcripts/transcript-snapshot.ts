import type { GhlContact } from '../ghl/schemas/contact-schemas';
import { changedFieldLabels as changedMappedLabels, recordFields } from '../mapping/apply-mapping';
import { DEFAULT_MAPPING } from '../mapping/default-mapping';
import type { FieldMapping } from '../mapping/field-mapping';
import { contactName } from '../mapping/source-values';

/**
 * A linked transcript's record of its contact (its "mapped fields snapshot"), made by the field
 * mapping (utils/mapping/), and the names a contact goes by on timelines and in the panel.
 */

export { contactName };

/** Options of {@link contactSnapshot}. */
export interface SnapshotOptions {
  /** The person's mapping; the default mapping when absent. */
  mapping?: FieldMapping;
  /** For dates; the runtime's time zone by default. */
  timeZone?: string;
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
  return recordFields(contact, options.mapping ?? DEFAULT_MAPPING, { timeZone: options.timeZone });
}

/** The labels whose text differs between two snapshots, bookkeeping fields left out. */
export function changedFieldLabels(
  before: Record<string, string> | undefined,
  after: Record<string, string>,
  mapping: FieldMapping = DEFAULT_MAPPING,
): string[] {
  return changedMappedLabels(before, after, mapping);
}
