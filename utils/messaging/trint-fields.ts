/**
 * The fields of the extension's transcript record a mapping rule can fill (besides custom
 * labels), by the names the record keys them under. Apart from field-mapping-schema.ts, whose zod
 * schemas the content script does not need: the panel's export only reads these names.
 */
export const TRINT_FIELDS = {
  speakerName: 'Speaker name',
  organisation: 'Organisation',
  email: 'Email',
  phone: 'Phone',
  tags: 'Tags',
  summaryHeader: 'Summary header',
} as const;
export type TrintField = keyof typeof TRINT_FIELDS;
