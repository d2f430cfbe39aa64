import { fieldMappingItem } from './field-mapping-item';
import { fieldMappingSchema, type FieldMapping } from '../mapping/field-mapping';
import { describeIssues, MappingFormatError } from '../mapping/mapping-format';
import { mappingProblems } from '../mapping/mapping-problems';

/**
 * The person's field mapping in storage.local (utils/storage/field-mapping-item.ts). Every context
 * may read it; only the background writes it, because a new mapping means recomputing the linked
 * transcripts' records.
 */

/** The mapping as stored, migrated to the current version; the default when none or unreadable. */
export function readMapping(): Promise<FieldMapping> {
  return fieldMappingItem.read();
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
  await fieldMappingItem.write(parsed.data);
}
