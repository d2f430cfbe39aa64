import { TRINT_FIELDS } from '../messaging/trint-fields';
import {
  STANDARD_FIELDS,
  type GhlSource,
  type StandardField,
  type TrintTarget,
} from '../messaging/field-mapping-schema';

export { TRINT_FIELDS, type TrintField } from '../messaging/trint-fields';
export {
  DATE_STYLES,
  fieldMappingSchema,
  ghlSourceSchema,
  MAPPING_VERSION,
  mappingRuleSchema,
  STANDARD_FIELDS,
  transformSchema,
  trintTargetSchema,
  type DateStyle,
  type FieldMapping,
  type GhlSource,
  type MappingRule,
  type StandardField,
  type Transform,
  type TrintTarget,
} from '../messaging/field-mapping-schema';

/**
 * The field mapping: which GHL contact fields a linked transcript's record carries, under which
 * Trint transcript field, through which transform. One versioned format (its schema is part of
 * the wire contract: utils/messaging/field-mapping-schema.ts), stored in storage.local
 * (utils/storage/field-mapping-item.ts) by the background only (it recomputes the records when it changes), exported and
 * imported as JSON. The record's own field names are in utils/messaging/trint-fields.ts (the
 * content script reads them without the schemas).
 */

/** GHL fields that hold a date (ISO 8601 or YYYY-MM-DD): the date format transform applies. */
export const DATE_FIELDS: readonly StandardField[] = [
  'dateOfBirth',
  'dateAdded',
  'dateUpdated',
  'lastActivity',
];

/**
 * Fields GHL moves on its own (every edit moves `dateUpdated`): a change of only these is not
 * named as "what changed" on a transcript's timeline.
 */
export const BOOKKEEPING_FIELDS: readonly StandardField[] = ['dateUpdated', 'lastActivity'];

/** The name of a rule's target, which is also its key in a transcript record's fields. */
export function targetLabel(target: TrintTarget): string {
  return target.kind === 'field' ? TRINT_FIELDS[target.field] : target.label.trim();
}

/** The name of a rule's source as a person picks it. */
export function sourceLabel(source: GhlSource): string {
  return source.kind === 'standard' ? STANDARD_FIELDS[source.field] : source.label.trim();
}
