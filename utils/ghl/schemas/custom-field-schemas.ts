import { z } from 'zod';
import { optionalText } from './shared-fields';
import { tolerantList } from './tolerant-list';

/**
 * A custom field definition (apps/locations.json `CustomFieldSchema`): its id, the name people
 * gave it and its `fieldKey` (e.g. "contact.deal_stage", which GHL also accepts in place of the
 * id). Everything but the id is optional in the spec.
 */
export const customFieldDefinitionSchema = z.looseObject({
  id: z.string(),
  name: optionalText,
  fieldKey: optionalText,
  dataType: optionalText,
  model: optionalText,
});
export type GhlCustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>;

/** `CustomFieldsListSuccessfulResponseDto` (GET /locations/:locationId/customFields). */
export const customFieldListResponse = z.looseObject({
  customFields: tolerantList(customFieldDefinitionSchema),
});

/** The documented query: `model` picks contact or opportunity fields (all by default). */
export const customFieldListQuery = z.strictObject({
  model: z.enum(['contact', 'opportunity', 'all']).optional(),
});
