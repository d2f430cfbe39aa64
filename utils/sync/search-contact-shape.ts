import type { GhlContact, GhlContactListItem } from '../ghl/schemas/contact-schemas';

/**
 * A contact as GHL's search answers it, in the shape GET /contacts/:id answers (the shape the
 * cache and the field mapping read). Real search answers differ from GET by id
 * (GoHighLevel/highlevel-api-docs#314): the name is `contactName`, the street `address` (GET:
 * `address1`), `dateOfBirth` an epoch number, and fields GET has (the lower-case helpers,
 * `emailLowerCase`) are missing.
 */

/** The GET-shape fields a search answer carries (under its own names): absent there means empty. */
const CARRIED = new Set<string>([
  'id',
  'locationId',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'companyName',
  'timezone',
  'assignedTo',
  'address1',
  'city',
  'state',
  'country',
  'postalCode',
  'website',
  'source',
  'type',
  'dnd',
  'tags',
  'dateOfBirth',
  'dateAdded',
  'dateUpdated',
  'businessId',
  'customFields',
]);

/** Search's own names for fields GET by id names otherwise (or writes otherwise). */
const SEARCH_NAMES = new Set(['contactName', 'address', 'dateOfBirth']);

/**
 * The contact `found` by search, merged over the `cached` copy: what search sends replaces the
 * cached value, and a field search always carries but left out was emptied in GHL; what only GET
 * by id has (e.g. `emailLowerCase`) is kept from the cached copy until the next GET.
 */
export function contactFromSearch(found: GhlContactListItem, cached?: GhlContact): GhlContact {
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cached ?? {})) {
    if (!CARRIED.has(key)) merged[key] = value;
  }
  for (const [key, value] of Object.entries(found)) {
    // Every field search sends (dndSettings, attributionSource, … which a mapping may read), under
    // GET's names: `contactName` and `address` are renamed below, the birth date converted.
    if (!SEARCH_NAMES.has(key) && value !== undefined) merged[key] = value;
  }
  const name =
    found.contactName ?? ([found.firstName, found.lastName].filter(Boolean).join(' ') || undefined);
  if (name) merged.name = name;
  if (found.address1 == null && found.address != null) merged.address1 = found.address;
  const born = birthDate(found.dateOfBirth, cached?.dateOfBirth);
  if (born != null) merged.dateOfBirth = born;
  return merged as GhlContact;
}

/**
 * A birth date as GET by id writes it: search's epoch number becomes the cached string when both
 * name the same instant (so nothing seems changed), an ISO date otherwise.
 */
function birthDate(
  found: GhlContact['dateOfBirth'],
  cached: GhlContact['dateOfBirth'],
): string | null | undefined {
  if (typeof found !== 'number') return found;
  const cachedAt = typeof cached === 'string' ? Date.parse(cached) : cached;
  if (typeof cached === 'string' && cachedAt === found) return cached;
  return new Date(found).toISOString().slice(0, 10);
}
