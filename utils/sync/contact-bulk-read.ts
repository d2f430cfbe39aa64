import type { CallOptions } from '../ghl/ghl-client';
import type { GhlContactListItem } from '../ghl/schemas/contact-schemas';
import type { ScanGhl } from './contact-scan';

/**
 * Reads contacts by id in bulk: one `POST /contacts/search` per {@link IDS_PER_SEARCH} ids (an OR
 * group of `id eq` filters, GHL's documented filter groups), instead of a GET per contact. Used
 * for a first sync and for linked contacts a scan found changed.
 */

/** Ids per search: GHL documents no limit on a group's filters; 50 keeps a body small. */
export const IDS_PER_SEARCH = 50;

/** The contacts found, by id, and the requests made. A contact search does not show is left out. */
export async function readContactsById(
  ghl: ScanGhl,
  locationId: string,
  ids: readonly string[],
  call: CallOptions,
): Promise<{ found: Map<string, GhlContactListItem>; requests: number }> {
  const found = new Map<string, GhlContactListItem>();
  let requests = 0;
  for (let at = 0; at < ids.length; at += IDS_PER_SEARCH) {
    const batch = ids.slice(at, at + IDS_PER_SEARCH);
    const filters = [
      {
        group: 'OR' as const,
        filters: batch.map((id) => ({ field: 'id', operator: 'eq', value: id })),
      },
    ];
    const answer = await ghl.contacts.search(
      // Room for more than asked: a search may match more than the ids (the Sandbox compares
      // them ignoring case); what it leaves out is read by GET.
      { locationId, pageLimit: 2 * IDS_PER_SEARCH, page: 1, filters },
      call,
    );
    requests += 1;
    const wanted = new Set(batch);
    for (const contact of answer.contacts)
      if (wanted.has(contact.id)) found.set(contact.id, contact);
  }
  return { found, requests };
}
