import { createContactBody, updateContactBody } from '../../utils/ghl/schemas/contact-schemas';
import { applyDefined } from '../apply-changes';
import { contactView, normaliseTags } from '../contact-views';
import { SandboxHttpError, traceId } from '../ghl-responses';
import { toE164 } from '../phone-e164';
import { contactOf, requireOwnLocation, touch, type SandboxRoute } from '../route-context';
import type { SandboxContact } from '../sandbox-records';
import type { SandboxState } from '../sandbox-state';
import { validateGhlBody } from '../validate-body';

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
        traceId: traceId(),
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
  for (const field of input) byId.set(field.id, { id: field.id, value: asText(field.field_value) });
  return [...byId.values()];
}

/** The spec types a custom field's value as a string (`CustomFieldSchema.value`). */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The contact operations: get, create, update, delete (lists: contact-list-routes.ts). */
export const contactRoutes: SandboxRoute[] = [
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
        // Stored in E.164, as GHL does (phone-e164.ts).
        phone: toE164(input.phone),
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
      // Search sees it only after GHL's indexing lag (search-lag.ts).
      state.searchLag.created(contact.id);
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
      if (fields.phone !== undefined) next.phone = toE164(fields.phone);
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
      context.state.deleteContact(contactOf(context).id);
      return { status: 200, body: { succeded: true } };
    },
  },
];

function splitName(name: string | null | undefined): [string | null, string | null] {
  if (!name?.trim()) return [null, null];
  const [first, ...rest] = name.trim().split(/\s+/);
  return [first ?? null, rest.length > 0 ? rest.join(' ') : null];
}
