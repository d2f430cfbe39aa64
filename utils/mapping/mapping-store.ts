import { browser } from 'wxt/browser';
import { defaultMapping } from './default-mapping';
import { fieldMappingSchema, MAPPING_KEY, type FieldMapping } from './field-mapping';
import { describeIssues, MappingFormatError, migrateMapping } from './mapping-format';
import { mappingProblems } from './mapping-problems';

/**
 * The person's field mapping in storage.local. Every context may read it; only the background
 * writes it, because a new mapping means recomputing the linked transcripts' records.
 */

/** The mapping as stored, migrated to the current version; the default when none or unreadable. */
export async function readMapping(): Promise<FieldMapping> {
  const stored = (await browser.storage.local.get(MAPPING_KEY))[MAPPING_KEY];
  if (stored === undefined || stored === null) return defaultMapping();
  try {
    return migrateMapping(stored);
  } catch (error) {
    // Not the content: a mapping may carry custom field ids and labels of the person's account.
    console.warn('Stored field mapping is unreadable; using the default.', (error as Error).name);
    return defaultMapping();
  }
}

/**
 * Stores a mapping (background only). Throws MappingFormatError, storing nothing, when it is not
 * a valid mapping or has problems (see mappingProblems), in words the options page can show.
 */
export async function writeMapping(mapping: FieldMapping): Promise<void> {
  const parsed = fieldMappingSchema.safeParse(mapping);
  if (!parsed.success) throw new MappingFormatError(describeIssues(parsed.error.issues, mapping));
  const problems = mappingProblems(parsed.data);
  if (problems.length > 0) {
    throw new MappingFormatError(problems.map((problem) => problem.message).join('; '));
  }
  await browser.storage.local.set({ [MAPPING_KEY]: parsed.data });
}
