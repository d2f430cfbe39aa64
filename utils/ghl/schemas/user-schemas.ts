import { z } from 'zod';
import { optionalText } from './shared-fields';
import { tolerantList } from './tolerant-list';

/**
 * A user of the location (apps/users.json `UserSchema`): only what names a person. The spec marks
 * every field optional; a user without an id cannot be named and is skipped by the list.
 */
export const userSchema = z.looseObject({
  id: z.string(),
  name: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  email: optionalText,
  deleted: z.boolean().nullish(),
});
export type GhlUser = z.infer<typeof userSchema>;

/** `LocationSuccessfulResponseDto` (GET /users/?locationId=…). */
export const userListResponse = z.looseObject({ users: tolerantList(userSchema) });

/** The documented query of GET /users/: the location is required. */
export const locationUsersQuery = z.strictObject({ locationId: z.string() });
