import type { CacheDatabase } from '../db/open-cache-db';
import type { CustomFieldChoice } from '../messaging/protocol';
import { ruleSources } from './apply-mapping';
import type { FieldMapping } from './field-mapping';

/** The longest example a choice carries: enough to recognise a field by. */
const EXAMPLE_LENGTH = 80;

/**
 * The names of custom field ids as far as the extension knows them: `known` definitions (the
 * location's, read with the optional locations/customFields.readonly scope, or the Sandbox's)
 * when there are some. Without them, the names are the ones the person gave in the mapping.
 */
export function customFieldNames(
  known: readonly { id: string; name: string }[] | undefined,
  mapping: FieldMapping,
): Map<string, string> {
  if (known) return new Map(known.map((f) => [f.id, f.name]));
  const names = new Map<string, string>();
  for (const rule of mapping.rules) {
    for (const source of ruleSources(rule)) {
      if (source.kind === 'custom' && !names.has(source.id)) names.set(source.id, source.label);
    }
  }
  return names;
}

/**
 * The custom fields a mapping can read: every id seen on a cached contact, with one value seen
 * there as an example, and every id `names` knows (a field no cached contact fills yet, or one
 * the mapping already reads). Sorted by name, then id.
 */
export async function customFieldChoices(
  db: CacheDatabase,
  names: ReadonlyMap<string, string>,
): Promise<CustomFieldChoice[]> {
  const examples = new Map<string, string | undefined>();
  for (const cached of await db.getAll('contacts')) {
    for (const field of cached.contact.customFields ?? []) {
      if (examples.get(field.id) !== undefined) continue;
      examples.set(field.id, exampleText(field.value));
    }
  }
  for (const id of names.keys()) if (!examples.has(id)) examples.set(id, undefined);
  const choices = [...examples].map(([id, example]) => {
    const name = names.get(id);
    return {
      id,
      ...(name === undefined ? {} : { name }),
      ...(example === undefined ? {} : { example }),
    };
  });
  return choices.sort(
    (a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.id.localeCompare(b.id),
  );
}

/** A custom field's value as one short line of text; undefined when it holds nothing. */
function exampleText(value: unknown): string | undefined {
  const text = Array.isArray(value)
    ? value
        .map((item) => exampleText(item) ?? '')
        .filter(Boolean)
        .join(', ')
    : value !== null && typeof value === 'object'
      ? JSON.stringify(value)
      : value === null || value === undefined
        ? ''
        : String(value).trim();
  if (!text) return undefined;
  return text.length > EXAMPLE_LENGTH ? `${text.slice(0, EXAMPLE_LENGTH - 1)}…` : text;
}
