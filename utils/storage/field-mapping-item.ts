import { defaultMapping } from '../mapping/default-mapping';
import { fieldMappingSchema, MAPPING_VERSION } from '../mapping/field-mapping';
import { migrateMapping } from '../mapping/mapping-format';
import { defineStoredItem } from './stored-item';

/** The storage key of the field mapping. */
export const MAPPING_KEY = 'fieldMapping';

/**
 * The person's field mapping. Written by the background only ('mapping/save', through
 * mapping-store.ts), because a new mapping means recomputing the linked transcripts' records;
 * read by the background and the options page. Older formats are migrated as they are read
 * (mapping-format.ts, which imported files share); an unreadable one reads as the default.
 */
export const fieldMappingItem = defineStoredItem({
  key: MAPPING_KEY,
  area: 'kept',
  version: MAPPING_VERSION,
  schema: fieldMappingSchema,
  fallback: defaultMapping,
  migrate(value) {
    try {
      return migrateMapping(value);
    } catch (error) {
      // Not the content: a mapping may carry custom field ids and labels of the person's account.
      console.warn('Stored field mapping is unreadable; using the default.', (error as Error).name);
      throw error;
    }
  },
});
