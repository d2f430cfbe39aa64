import { contactSearchView } from '../contact-views';
import { unprocessable } from '../ghl-responses';
import { readQuery } from '../query-params';
import { requireOwnLocation, type SandboxRoute } from '../route-context';

/**
 * GET /contacts/search/duplicate (`get-duplicate-contact`): the contact the location's duplicate
 * rule matches, email first, then phone (the spec's description). It reads the contacts as they
 * are, without search's indexing lag: it is the check POST /contacts/ makes when it refuses a
 * duplicate, which GHL applies at once (#64: a create answered 422 still blocked the next one).
 * The number is compared as GHL stores it, E.164, exactly: the spec asks for it URL-encoded with
 * its `+`; a national or formatted number finds nothing (never kinder than GHL).
 */
export const duplicateRoute: SandboxRoute = {
  method: 'GET',
  path: '/contacts/search/duplicate',
  scope: 'contacts.readonly',
  handle({ query, grant, state }) {
    const q = readQuery(query, {
      locationId: 'required-string',
      number: 'string',
      email: 'string',
    });
    requireOwnLocation(grant, q.locationId as string);
    const email = (q.email as string | undefined)?.trim().toLowerCase();
    const number = q.number as string | undefined;
    if (!email && !number)
      throw unprocessable(['Pass at least one of number, email query parameter']);
    const own = [...state.data.contacts.values()].filter((c) => c.locationId === grant.locationId);
    const found =
      (email && own.find((c) => c.email?.toLowerCase() === email)) ||
      (number && own.find((c) => c.phone === number)) ||
      undefined;
    return { status: 200, body: { contact: found ? contactSearchView(found) : null } };
  },
};
