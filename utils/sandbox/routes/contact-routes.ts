import { createContactBody, updateContactBody } from '../../ghl/schemas/contact-schemas';
import { applyDefined } from '../apply-changes';
import { GHL_API_BASE } from '../../ghl/api-constants';
import { contactListView, contactView, matchesQuery, normaliseTags } from '../contact-views';
import { SandboxHttpError, unprocessable } from '../ghl-responses';
import { readQuery } from '../query-params';
import { contactOf, requireOwnLocation, touch, type SandboxRoute } from '../route-context';
import type { SandboxContact } from '../sandbox-records';
import type { SandboxState } from '../sandbox-state';
import { validateGhlBody } from '../validate-body';

/** Newest first, then by id: the order GET /contacts/ pages through. */
function newestFirst(a: SandboxContact, b: SandboxContact): number {
  return Date.parse(b.dateAdded) - Date.parse(a.dateAdded) || (a.id < b.id ? 1 : -1);
}

/** GHL refuses a second contact with the same email or phone in a location. */
function refuseDuplicate(state: SandboxState, candidate: Partial<SandboxContact>, selfId?: string) {
  for (const other of state.data.contacts.values()) {
    if (other.id === selfId || other.locationId !== candidate.locationId) continue;
    const field =
      candidate.email && other.email?.toLowerCase() === candidate.email.toLowerCase()
        ? 'email'
        : candidate.phone && other.phone === candidate.phone
          ? 'phone'
          : undefined;
    if (field) {
      throw new SandboxHttpError(400, {
        statusCode: 400,
        message: 'This location does not allow duplicated contacts.',
        meta: { contactName: contactView(other).name, contactId: other.id, matchingField: field },
      });
    }
  }
}

/** Input custom fields (`{ id, key, field_value }`) as stored ones (`{ id, value }`). */
function storedCustomFields(
  current: SandboxContact['customFields'],
  input: { id: string; field_value?: unknown }[] | undefined,
) {
  if (!input) return current;
  const byId = new Map(current.map((field) => [field.id, field]));
  for (const field of input) byId.set(field.id, { id: field.id, value: field.field_value ?? null });
  return [...byId.values()];
}

/** The contact operations: get, list, by business, create, update, delete. */
export const contactRoutes: SandboxRoute[] = [
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
      let start = 0;
      if (q.startAfterId !== undefined) {
        start = matching.findIndex((c) => c.id === q.startAfterId) + 1;
      } else if (q.startAfter !== undefined) {
        start = matching.findIndex((c) => Date.parse(c.dateAdded) < (q.startAfter as number));
        if (start < 0) start = matching.length;
      }
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
      const limit = Math.min((q.limit as number | undefined) ?? 10, 100);
      return {
        status: 200,
        body: {
          contacts: matching.slice(skip, skip + limit).map(contactListView),
          count: matching.length,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/contacts/{contactId}',
    scope: 'contacts.readonly',
    handle: (context) => ({ status: 200, body: { contact: contactView(contactOf(context)) } }),
  },
  {
    method: 'POST',
    path: '/contacts/',
    scope: 'contacts.write',
    handle({ body, grant, state }) {
      const input = validateGhlBody(createContactBody, body);
      requireOwnLocation(grant, input.locationId);
      const now = state.isoNow();
      const contact: SandboxContact = {
        id: state.newId('sbxCont'),
        locationId: input.locationId,
        firstName: input.firstName ?? splitName(input.name)[0],
        lastName: input.lastName ?? splitName(input.name)[1],
        email: input.email?.trim() || null,
        phone: input.phone?.trim() || null,
        companyName: input.companyName ?? null,
        tags: normaliseTags(input.tags ?? []),
        customFields: storedCustomFields([], input.customFields),
        businessId: null,
        assignedTo: input.assignedTo ?? null,
        source: input.source ?? 'public api',
        type: 'lead',
        timezone: input.timezone ?? null,
        address1: input.address1 ?? null,
        city: input.city ?? null,
        state: input.state ?? null,
        country: input.country ?? null,
        postalCode: input.postalCode ?? null,
        website: input.website ?? null,
        dnd: input.dnd ?? false,
        dateOfBirth: input.dateOfBirth ?? null,
        dateAdded: now,
        dateUpdated: now,
      };
      refuseDuplicate(state, contact);
      state.data.contacts.set(contact.id, contact);
      return { status: 201, body: { contact: { ...contactView(contact), deleted: false } } };
    },
  },
  {
    method: 'PUT',
    path: '/contacts/{contactId}',
    scope: 'contacts.write',
    handle(context) {
      const contact = contactOf(context);
      const input = validateGhlBody(updateContactBody, context.body);
      const { customFields, tags, name, ...fields } = input;
      const next = applyDefined<SandboxContact>({ ...contact }, fields);
      if (name !== undefined && input.firstName === undefined && input.lastName === undefined) {
        [next.firstName, next.lastName] = splitName(name);
      }
      if (tags) next.tags = normaliseTags(tags);
      next.customFields = storedCustomFields(contact.customFields, customFields);
      refuseDuplicate(context.state, next, contact.id);
      Object.assign(contact, next);
      touch(contact, context.state);
      return { status: 200, body: { succeded: true, contact: contactView(contact) } };
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}',
    scope: 'contacts.write',
    handle(context) {
      const contact = contactOf(context);
      const { data } = context.state;
      data.contacts.delete(contact.id);
      for (const map of [data.tasks, data.notes, data.appointments]) {
        for (const [id, record] of map) if (record.contactId === contact.id) map.delete(id);
      }
      return { status: 200, body: { succeded: true } };
    },
  },
];

function splitName(name: string | null | undefined): [string | null, string | null] {
  if (!name?.trim()) return [null, null];
  const [first, ...rest] = name.trim().split(/\s+/);
  return [first ?? null, rest.length > 0 ? rest.join(' ') : null];
}
