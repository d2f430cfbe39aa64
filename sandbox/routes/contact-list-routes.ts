import { GHL_API_BASE } from '../../utils/ghl/api-constants';
import { contactListView, matchesQuery } from '../contact-views';
import { unprocessable } from '../ghl-responses';
import { readQuery } from '../query-params';
import { requireOwnLocation, type SandboxRoute } from '../route-context';
import type { SandboxContact } from '../sandbox-records';
import type { SandboxState } from '../sandbox-state';

/** Newest first, then by id: the order GET /contacts/ pages through. */
function newestFirst(a: SandboxContact, b: SandboxContact): number {
  return Date.parse(b.dateAdded) - Date.parse(a.dateAdded) || (a.id < b.id ? 1 : -1);
}

/**
 * Where a page starts: after the cursor (startAfter = the last contact's dateAdded in ms,
 * startAfterId = its id), in newest-first order. The cursor needs no live contact: paging goes on
 * even if the last contact of the previous page was deleted meanwhile.
 */
function startIndex(
  state: SandboxState,
  locationId: string,
  ordered: SandboxContact[],
  startAfter: number | undefined,
  startAfterId: string | undefined,
): number {
  if (startAfter === undefined && startAfterId === undefined) return 0;
  const cursor = state.data.contacts.get(startAfterId ?? '');
  const ownCursor = cursor?.locationId === locationId ? cursor : undefined;
  const cursorTime = startAfter ?? Date.parse(ownCursor?.dateAdded ?? '');
  if (Number.isNaN(cursorTime))
    throw unprocessable(['startAfterId is not a contact of this location']);
  const index = ordered.findIndex((c) => {
    const time = Date.parse(c.dateAdded);
    return (
      time < cursorTime ||
      (time === cursorTime && startAfterId !== undefined && c.id < startAfterId)
    );
  });
  return index < 0 ? ordered.length : index;
}

/** The contact lists: GET /contacts/ (cursor paging) and GET /contacts/business/:businessId. */
export const contactListRoutes: SandboxRoute[] = [
  {
    method: 'GET',
    path: '/contacts/',
    scope: 'contacts.readonly',
    handle({ query, grant, state }) {
      const q = readQuery(query, {
        locationId: 'required-string',
        startAfterId: 'string',
        startAfter: 'number',
        query: 'string',
        limit: 'number',
      });
      requireOwnLocation(grant, q.locationId as string);
      const limit = (q.limit as number | undefined) ?? 20;
      if (limit > 100) throw unprocessable(['limit must not be greater than 100']);
      if (limit < 1) throw unprocessable(['limit must not be less than 1']);
      const matching = [...state.data.contacts.values()]
        .filter((c) => c.locationId === grant.locationId && matchesQuery(c, String(q.query ?? '')))
        .sort(newestFirst);
      const start = startIndex(
        state,
        grant.locationId,
        matching,
        q.startAfter as number,
        q.startAfterId as string,
      );
      const page = matching.slice(start, start + limit);
      const last = page.at(-1);
      const more = start + limit < matching.length && last !== undefined;
      const cursor = last && { startAfterId: last.id, startAfter: Date.parse(last.dateAdded) };
      const nextPageUrl =
        more && cursor
          ? `${GHL_API_BASE}/contacts/?${new URLSearchParams({ locationId: grant.locationId, limit: String(limit), startAfter: String(cursor.startAfter), startAfterId: cursor.startAfterId })}`
          : null;
      return {
        status: 200,
        body: {
          contacts: page.map(contactListView),
          count: matching.length,
          meta: {
            total: matching.length,
            nextPageUrl,
            startAfterId: cursor?.startAfterId ?? null,
            startAfter: cursor?.startAfter ?? null,
            currentPage: Math.floor(start / limit) + 1,
            nextPage: more ? Math.floor(start / limit) + 2 : null,
            prevPage: start > 0 ? Math.max(1, Math.floor(start / limit)) : null,
          },
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/contacts/business/{businessId}',
    scope: 'contacts.readonly',
    handle({ params, query, grant, state }) {
      const q = readQuery(query, {
        locationId: 'required-string',
        limit: 'number',
        skip: 'number',
        query: 'string',
      });
      requireOwnLocation(grant, q.locationId as string);
      const matching = [...state.data.contacts.values()]
        .filter((c) => c.locationId === grant.locationId && c.businessId === params.businessId)
        .filter((c) => matchesQuery(c, String(q.query ?? '')))
        .sort(newestFirst);
      const skip = (q.skip as number | undefined) ?? 0;
      // The spec's default for this operation (`get-contacts-by-businessId`: limit, default 25).
      const limit = (q.limit as number | undefined) ?? 25;
      if (limit < 1 || limit > 100) throw unprocessable(['limit must be between 1 and 100']);
      if (skip < 0) throw unprocessable(['skip must not be less than 0']);
      return {
        status: 200,
        body: {
          contacts: matching.slice(skip, skip + limit).map(contactListView),
          count: matching.length,
        },
      };
    },
  },
];
