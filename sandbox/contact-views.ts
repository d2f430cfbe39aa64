import type { SandboxContact } from './sandbox-records';

/**
 * The shapes contacts are served in. GET /contacts/:id follows `GetContectByIdSchema`; lists
 * follow `ContactsSearchSchema` plus the name and company fields GHL also sends in lists.
 */

/**
 * Leaves out empty fields: the spec types them as strings, never null, so an empty one is
 * absent from the answer.
 */
export function withoutEmpty<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

function fullName(contact: SandboxContact): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

/** One contact (GET /contacts/:contactId, PUT answers). */
export function contactView(contact: SandboxContact) {
  const name = fullName(contact);
  return withoutEmpty({
    id: contact.id,
    name,
    locationId: contact.locationId,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    emailLowerCase: contact.email?.toLowerCase() ?? null,
    timezone: contact.timezone,
    companyName: contact.companyName,
    phone: contact.phone,
    dnd: contact.dnd,
    type: contact.type,
    source: contact.source,
    assignedTo: contact.assignedTo,
    address1: contact.address1,
    city: contact.city,
    state: contact.state,
    country: contact.country,
    postalCode: contact.postalCode,
    website: contact.website,
    tags: [...contact.tags],
    dateOfBirth: contact.dateOfBirth,
    dateAdded: contact.dateAdded,
    dateUpdated: contact.dateUpdated,
    firstNameLowerCase: contact.firstName?.toLowerCase() ?? null,
    lastNameLowerCase: contact.lastName?.toLowerCase() ?? null,
    fullNameLowerCase: name.toLowerCase(),
    customFields: contact.customFields.map((field) => ({ ...field })),
    businessId: contact.businessId,
  });
}

/** A contact in a list (GET /contacts/, business contacts, search). */
export function contactListView(contact: SandboxContact) {
  return withoutEmpty({
    id: contact.id,
    locationId: contact.locationId,
    contactName: fullName(contact),
    firstName: contact.firstName,
    lastName: contact.lastName,
    companyName: contact.companyName,
    email: contact.email,
    phone: contact.phone,
    timezone: contact.timezone,
    country: contact.country,
    source: contact.source,
    type: contact.type,
    assignedTo: contact.assignedTo,
    dateAdded: contact.dateAdded,
    dateUpdated: contact.dateUpdated,
    customFields: contact.customFields.map((field) => ({ ...field })),
    tags: [...contact.tags],
    businessId: contact.businessId,
    attributions: [],
    followers: [],
  });
}

/**
 * A contact in a search answer (POST /contacts/search): the list shape plus what real GHL's search
 * answers carry beyond it, checked live in GoHighLevel/highlevel-api-docs#314: `dateOfBirth` as
 * epoch milliseconds (GET by id keeps the spec's string) and the street address as `address`.
 */
export function contactSearchView(contact: SandboxContact) {
  const born = contact.dateOfBirth === null ? NaN : Date.parse(contact.dateOfBirth);
  return withoutEmpty({
    ...contactListView(contact),
    address: contact.address1,
    dateOfBirth: Number.isNaN(born) ? null : born,
    // The other fields #314 lists in live search answers beyond `ContactsSearchSchema`.
    city: contact.city,
    state: contact.state,
    postalCode: contact.postalCode,
    website: contact.website,
    phoneLabel: contact.phone ? 'Mobile' : null,
    dnd: contact.dnd,
    dndSettings: {},
    inboundDndSettings: {},
    validEmail: contact.email ? true : null,
    businessName: null,
    attributionSource: { sessionSource: 'CRM UI', medium: 'manual', mediumId: null },
    lastAttributionSource: {},
  });
}

/** Tags as GHL stores them: trimmed, lower-case, once each. */
export function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

/** Whether a free-text query matches a contact: name, email, phone digits or company. */
export function matchesQuery(contact: SandboxContact, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const digits = needle.replace(/\D/g, '');
  const haystack = [fullName(contact), contact.email, contact.companyName]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  if (haystack.includes(needle)) return true;
  return digits.length >= 3 && (contact.phone ?? '').replace(/\D/g, '').includes(digits);
}
