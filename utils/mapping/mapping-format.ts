import { z } from 'zod/mini';
import {
  fieldMappingSchema,
  MAPPING_VERSION,
  STANDARD_FIELDS,
  type FieldMapping,
  type MappingRule,
  type StandardField,
  type TrintTarget,
} from './field-mapping';
import { issueWords } from './mapping-issues';
import { mappingProblems } from './mapping-problems';

/**
 * The mapping as a file: export, import, and the migrations from older formats (storage and
 * files made by older versions). Every error reads as a sentence a person can act on.
 */

/** A mapping that cannot be read, with what is wrong in words. */
export class MappingFormatError extends Error {
  override name = 'MappingFormatError';
}

/**
 * Version 1, the 0.1 table: a bare array, or `{version: 1, fields}`, of a label, the contact
 * field it reads and how the value became text. `bookkeeping` is dropped: version 2 knows which
 * fields GHL moves on its own (BOOKKEEPING_FIELDS).
 */
const v1Field = z.object({
  label: z.string().check(z.trim(), z.minLength(1, 'needs a name')),
  source: z.string(),
  format: z.enum(['text', 'list', 'date']),
  bookkeeping: z.optional(z.boolean()),
});
const v1Fields = z.array(v1Field);
type V1Field = z.infer<typeof v1Field>;

/** 0.1's labels that are one of the record's fields when they read the matching contact field. */
const V1_TARGETS: Record<string, { source: StandardField; target: TrintTarget; id: string }> = {
  name: { source: 'name', target: { kind: 'field', field: 'speakerName' }, id: 'speaker-name' },
  email: { source: 'email', target: { kind: 'field', field: 'email' }, id: 'email' },
  phone: { source: 'phone', target: { kind: 'field', field: 'phone' }, id: 'phone' },
  company: {
    source: 'companyName',
    target: { kind: 'field', field: 'organisation' },
    id: 'organisation',
  },
  tags: { source: 'tags', target: { kind: 'field', field: 'tags' }, id: 'tags' },
};

/**
 * Any stored or imported mapping, as the current version. Throws MappingFormatError when it is
 * not a mapping, is made by a newer version, or a field is wrong (said in words).
 */
export function migrateMapping(raw: unknown): FieldMapping {
  if (Array.isArray(raw)) return fromV1(raw, raw);
  if (typeof raw !== 'object' || raw === null) {
    throw new MappingFormatError('The mapping should be an object with a version and rules');
  }
  const version = (raw as { version?: unknown }).version;
  if (version === MAPPING_VERSION) return checked(fieldMappingSchema, raw, 'Rule');
  if (version === 1) return fromV1((raw as { fields?: unknown }).fields, raw);
  if (typeof version === 'number' && version > MAPPING_VERSION) {
    throw new MappingFormatError(
      `This mapping was made by a newer version of GHL for Trint (format ${version}); update the extension to use it`,
    );
  }
  if (version === undefined) throw new MappingFormatError('The mapping has no version');
  throw new MappingFormatError(
    `The mapping’s version ${JSON.stringify(version)} is not one GHL for Trint knows`,
  );
}

/** An imported file's mapping, or what is wrong with it. */
export function parseMappingJson(
  text: string,
): { ok: true; mapping: FieldMapping } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not JSON: ${withLine((error as Error).message, text)}` };
  }
  let mapping: FieldMapping;
  try {
    mapping = migrateMapping(raw);
  } catch (error) {
    if (error instanceof MappingFormatError) return { ok: false, message: error.message };
    throw error;
  }
  const problems = mappingProblems(mapping);
  if (problems.length > 0) return { ok: false, message: problems.map((p) => p.message).join('; ') };
  return { ok: true, mapping };
}

/**
 * V8 says where JSON broke as "at position 512"; a person opens the file at a line, so the line
 * and column are added (Firefox says them itself).
 */
function withLine(message: string, text: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(at[1])).split('\n');
  return `${message} (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

/** The mapping as a file: pretty JSON, ending with a newline. */
export function mappingJson(mapping: FieldMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

function fromV1(fields: unknown, raw: unknown): FieldMapping {
  if (fields === undefined && raw !== fields)
    throw new MappingFormatError('The mapping has no fields');
  const rows = checked(v1Fields, fields, 'Field');
  const ids = new Set<string>();
  const rules = rows.map((row, index) => v1Rule(row, index, ids));
  return checked(fieldMappingSchema, { version: MAPPING_VERSION, rules }, 'Rule');
}

function v1Rule(row: V1Field, index: number, ids: Set<string>): MappingRule {
  if (!Object.hasOwn(STANDARD_FIELDS, row.source)) {
    throw new MappingFormatError(
      `Field ${index + 1} (‘${row.label}’) reads ‘${row.source}’, which is not a GHL contact field GHL for Trint can map`,
    );
  }
  const source = row.source as StandardField;
  const known = V1_TARGETS[row.label.toLowerCase()];
  const matches = known?.source === source;
  const rule: MappingRule = {
    id: uniqueId(matches ? known.id : slug(row.label), ids),
    source: { kind: 'standard', field: source },
    target: matches ? known.target : { kind: 'custom', label: row.label },
    showOnCard: !(matches && known.target.kind === 'field' && known.target.field === 'speakerName'),
  };
  if (row.format === 'date') rule.transform = { kind: 'date', style: 'medium' };
  return rule;
}

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'field'
  );
}

function uniqueId(base: string, ids: Set<string>): string {
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

/** Parses with a schema, or throws MappingFormatError naming the first issues in words. */
function checked<T>(schema: z.ZodMiniType<T>, value: unknown, rowNoun: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new MappingFormatError(describeIssues(result.error.issues, value, rowNoun));
}

/** Schema issues as one message: the first three in words ("Rule 3: …"), and how many more. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  rowNoun = 'Rule',
): string {
  const words = issues.slice(0, 3).map((issue) => issueWords(issue, input, rowNoun));
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : '';
  return `${words.join('; ')}${more}`;
}
