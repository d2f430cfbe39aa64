import type { GhlUser } from '../ghl/schemas/user-schemas';

/**
 * How a user is named: GHL's `name`, else first and last name, else the email, else the id (a
 * user is never shown as nothing).
 */
export function userName(user: GhlUser): string {
  const full = [user.firstName, user.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return user.name?.trim() || full || user.email?.trim() || user.id;
}
