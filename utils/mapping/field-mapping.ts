import { z } from 'zod/mini';
import { TRINT_FIELDS, type TrintField } from './trint-fields';

export { TRINT_FIELDS, type TrintField } from './trint-fields';

/**
 * The field mapping: which GHL contact fields a linked transcript's record carries, under which
 * Trint transcript field, through which transform. One versioned format, stored in storage.local
 * (utils/storage/field-mapping-item.ts) by the background only (it recomputes the records when it
 * changes), exported and imported as JSON. zod/mini, like the message table that names it. The
 * record's own field names are in trint-fields.ts (the content script reads them without these
 * schemas).
 */
/** The format's current version. Older versions are migrated by `migrateMapping`. */
export const MAPPING_VERSION = 2;

/**
 * Every standard field of a GHL contact (`GetContectByIdSchema` in apps/contacts.json), with the
 * words a person picks it by. Left out on purpose: `ssn` (a social security number has no place
 * beside a transcript), the `*LowerCase` copies GHL keeps for its own search, `customFields`
 * (mapped one by one, by id) and `locationId` (the same for every contact).
 */
export const STANDARD_FIELDS = {
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  companyName: 'Company name',
  address1: 'Street address',
  city: 'City',
  state: 'State',
  country: 'Country',
  postalCode: 'Postal code',
  website: 'Website',
  timezone: 'Time zone',
  tags: 'Tags',
  type: 'Contact type',
  source: 'Source',
  assignedTo: 'Assigned user (id)',
  dnd: 'Do not disturb',
  dndSettings: 'Do not disturb per channel',
  dateOfBirth: 'Date of birth',
  dateAdded: 'Date added',
  dateUpdated: 'Date updated',
  lastActivity: 'Last activity',
  businessId: 'Business (id)',
  attachments: 'Attachments',
  keyword: 'Keyword',
  attributionSource: 'First attribution',
  lastAttributionSource: 'Latest attribution',
  visitorId: 'Live chat visitor id',
  id: 'Contact id',
} as const;
export type StandardField = keyof typeof STANDARD_FIELDS;

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

const standardField = z.enum(Object.keys(STANDARD_FIELDS) as [StandardField, ...StandardField[]]);
const trintField = z.enum(Object.keys(TRINT_FIELDS) as [TrintField, ...TrintField[]]);

/** A label a person types: a custom field's name, a custom transcript field. */
const label = z
  .string()
  .check(z.trim(), z.minLength(1, 'needs a name'), z.maxLength(60, 'is longer than 60 characters'));

/** A GHL custom field id (the contact's `customFields[].id`). */
const customFieldId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a GHL custom field id'));

/** Where a rule reads: a standard contact field, or a custom field by id with a name for people. */
export const ghlSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('standard'), field: standardField }),
  z.strictObject({ kind: z.literal('custom'), id: customFieldId, label }),
]);
export type GhlSource = z.infer<typeof ghlSourceSchema>;

/** Where a rule writes: one of the record's fields, or a custom label the person adds. */
export const trintTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), field: trintField }),
  z.strictObject({ kind: z.literal('custom'), label }),
]);
export type TrintTarget = z.infer<typeof trintTargetSchema>;

/** How a date reads: "27 Nov 2026", "2026-11-27", "11/27/2026", "27/11/2026", "27 Nov 2026, 14:05". */
export const DATE_STYLES = {
  medium: '27 Nov 2026',
  iso: '2026-11-27',
  us: '11/27/2026',
  european: '27/11/2026',
  'date-time': '27 Nov 2026, 14:05',
} as const;
export type DateStyle = keyof typeof DATE_STYLES;

/**
 * What happens to the text between GHL and the record:
 * - `join`: the source's text and the texts of `with`, empty ones skipped, joined by `separator`
 *   (e.g. street, city and postal code as one address);
 * - `name-part`: the first word, or everything after it, of a name;
 * - `date`: a date in one of DATE_STYLES;
 * - `tag-filter`: only (include) or all but (exclude) the listed tags; a tag ending in `*` matches
 *   every tag that starts with the rest; case does not matter.
 */
export const transformSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('join'),
    with: z.array(ghlSourceSchema).check(z.minLength(1, 'joins no other field'), z.maxLength(5)),
    separator: z.string().check(z.maxLength(10, 'separator is longer than 10 characters')),
  }),
  z.strictObject({ kind: z.literal('name-part'), part: z.enum(['first', 'last']) }),
  z.strictObject({
    kind: z.literal('date'),
    style: z.enum(Object.keys(DATE_STYLES) as [DateStyle, ...DateStyle[]]),
  }),
  z.strictObject({
    kind: z.literal('tag-filter'),
    mode: z.enum(['include', 'exclude']),
    tags: z
      .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)))
      .check(z.minLength(1, 'lists no tag'), z.maxLength(50)),
  }),
]);
export type Transform = z.infer<typeof transformSchema>;

/** One rule: GHL field → Trint transcript field, optionally transformed. */
export const mappingRuleSchema = z.strictObject({
  /** Stable across edits and reorders (list keys, toggles, preview rows). */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'is not a rule id')),
  source: ghlSourceSchema,
  target: trintTargetSchema,
  transform: z.optional(transformSchema),
  /** Whether the panel's contact card lists it (the record and exports always carry it). */
  showOnCard: z.boolean(),
});
export type MappingRule = z.infer<typeof mappingRuleSchema>;

/** The mapping, as stored and as exported. Rules apply, and the card lists them, in order. */
export const fieldMappingSchema = z.strictObject({
  version: z.literal(MAPPING_VERSION),
  rules: z.array(mappingRuleSchema).check(z.maxLength(50, 'has more than 50 rules')),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

/** The name of a rule's target, which is also its key in a transcript record's fields. */
export function targetLabel(target: TrintTarget): string {
  return target.kind === 'field' ? TRINT_FIELDS[target.field] : target.label.trim();
}

/** The name of a rule's source as a person picks it. */
export function sourceLabel(source: GhlSource): string {
  return source.kind === 'standard' ? STANDARD_FIELDS[source.field] : source.label.trim();
}
