/**
 * The part of OpenAPI 3.0's schema language that GHL's files use. Anything else in a schema
 * (`example`, `description`, `format`, `default`, `maxLength`) is documentation to this checker.
 */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

/** How strictly {@link checkValue} reads a schema. */
export interface CheckOptions {
  /**
   * Request bodies: a property the schema does not list is a problem, because GHL validates
   * bodies with forbidNonWhitelisted and answers 422. Responses (not strict): GHL sends more
   * fields than it documents, so extra fields are allowed.
   */
  strict: boolean;
}

/** What a value is, in the schema's words: "string", "array", "null"… */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(type: string, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeOf(value) === type;
}

function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Checks a value against a schema and lists every problem, each naming where it is:
 * `contact.tags: expected array, got string`. `path` is the value's own name ('' at the root).
 */
export function checkValue(
  schema: JsonSchema,
  value: unknown,
  path = '',
  options: CheckOptions = { strict: false },
): string[] {
  const at = path === '' ? '(root)' : path;
  const problems = (schema.allOf ?? []).flatMap((part) => checkValue(part, value, path, options));
  // oneOf is read as anyOf: GHL's alternatives overlap (every custom field shape is
  // `{ id, key, field_value }`), so "exactly one" would reject every valid value.
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && !alternatives.some((s) => checkValue(s, value, path, options).length === 0)) {
    problems.push(`${at}: matches none of the ${alternatives.length} documented shapes`);
  }
  if (value === null) {
    if (schema.type !== undefined && !schema.nullable) {
      problems.push(`${at}: expected ${schema.type}, got null`);
    }
    return problems;
  }
  if (schema.type !== undefined && !hasType(schema.type, value)) {
    return [...problems, `${at}: expected ${schema.type}, got ${typeOf(value)}`];
  }
  if (schema.enum && !schema.enum.includes(value)) {
    const allowed = schema.enum.map((item) => JSON.stringify(item)).join(', ');
    problems.push(`${at}: expected one of ${allowed}, got ${JSON.stringify(value)}`);
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, index) => {
      problems.push(...checkValue(items, item, `${path}[${index}]`, options));
    });
  }
  if (typeOf(value) === 'object') {
    problems.push(...checkObject(schema, value as Record<string, unknown>, path, options));
  }
  return problems;
}

function checkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: string,
  options: CheckOptions,
): string[] {
  const problems: string[] = [];
  const required = new Set(schema.required ?? []);
  for (const key of required) {
    if (value[key] === undefined) problems.push(`${child(path, key)}: required but missing`);
  }
  // An object schema without `properties` (GHL's `dateOfBirth`) is free-form.
  if (!schema.properties) return problems;
  for (const [key, item] of Object.entries(value)) {
    const property = schema.properties[key];
    const extra = schema.additionalProperties;
    if (property) {
      problems.push(...checkValue(property, item, child(path, key), options));
    } else if (typeof extra === 'object') {
      problems.push(...checkValue(extra, item, child(path, key), options));
    } else if (extra === false || (options.strict && extra !== true)) {
      problems.push(`${child(path, key)}: unknown property (not in the spec)`);
    }
  }
  return problems;
}
