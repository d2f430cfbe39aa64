import { z } from 'zod';
import { contactListItemSchema } from './contact-schemas';

/**
 * GET /contacts/search/duplicate (`get-duplicate-contact`). The spec documents the query (the
 * location, and an email or an E.164 `number`) but leaves the 200 answer without a schema; GHL
 * answers `{ contact }`, the contact the location's duplicate rule matches, or `null` for none.
 */
export const duplicateContactQuery = z.strictObject({
  locationId: z.string().min(1),
  email: z.string().min(1).optional(),
  number: z.string().min(1).optional(),
});
export type DuplicateContactQuery = z.input<typeof duplicateContactQuery>;

/** The answer: the matching contact, or none. */
export const duplicateContactResponse = z.looseObject({
  contact: contactListItemSchema.nullish(),
});
