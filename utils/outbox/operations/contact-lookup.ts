import type { GhlClient } from '../../ghl/ghl-client';
import { GhlError } from '../../ghl/ghl-error';
import type { GhlContact, GhlContactListItem } from '../../ghl/schemas/contact-schemas';
import type { SearchContactsInput } from '../../ghl/schemas/search-schemas';
import { contactHasKey, contactKey, type ContactKey } from './look-alike';
import type { LookFor } from './operation';

/**
 * How a contact whose create answer was lost is found in GHL without creating it twice. Search
 * is eventually consistent (GHL's search guide: changes take a few seconds to appear;
 * GoHighLevel/highlevel-api-docs#289), so it is asked last: first GHL's duplicate check
 * (GET /contacts/search/duplicate), which reads what POST /contacts/ itself checks, by email
 * and by the number as GHL stores it (E.164).
 */

type Body = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** How many of the newest matching contacts search looks at. */
const SEARCH_PAGE = 20;

/**
 * A phone number in E.164 as GHL stores it, as far as the product can tell without the
 * location's country: `+` and digits as given, `00` as `+`, and a 10-digit number (or 11 starting
 * with 1) as North American (GHL's default country). Undefined when it cannot tell.
 */
export function e164Guess(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return undefined;
  if (phone.trim().startsWith('+')) return `+${digits}`;
  if (phone.trim().startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return undefined;
}

/** Whether a contact found in GHL has the body's email or phone (either identifies it). */
export function matchesContactBody(body: Body, contact: GhlContactListItem): boolean {
  const keys: ContactKey[] = [];
  if (text(body.email)) keys.push({ field: 'email', value: text(body.email).toLowerCase() });
  if (text(body.phone)) keys.push({ field: 'phone', value: text(body.phone) });
  return keys.some((key) => contactHasKey(key, contact));
}

/** The contact GHL's duplicate check finds for the body, if it is the one this write made. */
export async function findByDuplicateCheck(
  ghl: GhlClient,
  body: Body,
  look: LookFor,
): Promise<GhlContact | undefined> {
  const queries: { email?: string; number?: string }[] = [];
  if (text(body.email)) queries.push({ email: text(body.email) });
  const number = text(body.phone) && e164Guess(text(body.phone));
  if (number) queries.push({ number });
  for (const query of queries) {
    const found = await ghl.contacts.findDuplicate(
      { locationId: look.locationId, ...query },
      look.o,
    );
    if (found && look.fresh(found) && matchesContactBody(body, found)) return found;
  }
  return undefined;
}

/** The newest contacts search finds by the body's email, else phone (may lag behind). */
export async function findBySearch(
  ghl: GhlClient,
  body: Body,
  look: LookFor,
): Promise<GhlContact | undefined> {
  const key = contactKey(body);
  if (!key || key.field === 'name') throw new Error('A contact is not looked for by name.');
  const search: SearchContactsInput = {
    locationId: look.locationId,
    pageLimit: SEARCH_PAGE,
    sort: [{ field: 'dateAdded', direction: 'desc' }],
    filters: [{ field: key.field, operator: 'eq', value: key.value }],
  };
  const { contacts } = await ghl.contacts.search(search, look.o);
  return contacts.find((c) => look.fresh(c) && contactHasKey(key, c));
}

/**
 * A create GHL refused may have made the contact all the same: a resend refused as a duplicate
 * names the contact the lost first send made (`meta.contactId`), and GHL has answered 422 to a
 * create it applied (#64). Answers that contact when it is this write's (fresh, same email or
 * phone); otherwise the refusal stands.
 */
export async function findAfterRefusal(
  ghl: GhlClient,
  body: Body,
  error: unknown,
  look: LookFor,
): Promise<GhlContact | undefined> {
  if (!(error instanceof GhlError) || error.kind !== 'validation') return undefined;
  if (error.existingId) {
    const contact = await ghl.contacts.get(error.existingId, look.o).catch((cause: unknown) => {
      // Gone since: it was not this write's to keep; the refusal stands.
      if (cause instanceof GhlError && cause.kind === 'not-found') return undefined;
      throw cause;
    });
    return contact && look.fresh(contact) && matchesContactBody(body, contact)
      ? contact
      : undefined;
  }
  return error.status === 422 ? findByDuplicateCheck(ghl, body, look) : undefined;
}
