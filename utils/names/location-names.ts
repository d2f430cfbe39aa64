import { z } from 'zod';
import { NAMES_PREFIX } from '../db/meta-keys';

/**
 * What a location's ids are called: its users (owners, assignees) and its custom fields, as GHL
 * last listed them, kept in the cache's `meta` store under `names/<locationId>`. A list is
 * absent when it was never read; `missingScopes` says which optional scope GHL refused.
 */
export const locationNamesSchema = z.object({
  locationId: z.string(),
  /** The connection the names were read with: a new connection reads them again. */
  credentialId: z.string(),
  /** When GHL was last asked (whatever it answered). */
  checkedAt: z.number(),
  /** Whether that attempt got an answer for both lists (a list, or a refused scope). */
  complete: z.boolean(),
  users: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  customFields: z
    .array(z.object({ id: z.string(), name: z.string(), key: z.string().optional() }))
    .optional(),
  missingScopes: z.array(z.string()),
});
export type LocationNames = z.infer<typeof locationNamesSchema>;

/** The meta key of a location's names. */
export const namesKey = (locationId: string): string => `${NAMES_PREFIX}${locationId}`;

/** Stored names as they were written; anything malformed reads as nothing stored. */
export function parseLocationNames(value: unknown): LocationNames | undefined {
  const parsed = locationNamesSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
