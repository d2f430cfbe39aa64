import { searchContactsBody } from '../../utils/ghl/schemas/search-schemas';
import { contactSearchView, matchesQuery } from '../contact-views';
import { unprocessable } from '../ghl-responses';
import { requireOwnLocation, type SandboxRoute } from '../route-context';
import type { SandboxContact } from '../sandbox-records';
import { validateGhlBody } from '../validate-body';

type Accessor = (contact: SandboxContact) => string | number | string[] | null;

/** The filter and sort fields the Sandbox understands (a subset of GHL's search fields). */
const FIELDS: Record<string, Accessor> = {
  id: (c) => c.id,
  firstNameLowerCase: (c) => c.firstName?.toLowerCase() ?? null,
  lastNameLowerCase: (c) => c.lastName?.toLowerCase() ?? null,
  email: (c) => c.email?.toLowerCase() ?? null,
  phone: (c) => c.phone,
  companyName: (c) => c.companyName,
  tags: (c) => c.tags,
  businessId: (c) => c.businessId,
  assignedTo: (c) => c.assignedTo,
  type: (c) => c.type,
  dateAdded: (c) => Date.parse(c.dateAdded),
  dateUpdated: (c) => Date.parse(c.dateUpdated),
};

const OPERATORS: Record<string, (actual: ReturnType<Accessor>, value: unknown) => boolean> = {
  eq: (actual, value) =>
    Array.isArray(actual) ? actual.includes(String(value).toLowerCase()) : equals(actual, value),
  not_eq: (actual, value) => !OPERATORS.eq!(actual, value),
  contains: (actual, value) =>
    String(actual ?? '')
      .toLowerCase()
      .includes(String(value).toLowerCase()),
  exists: (actual) => actual !== null && !(Array.isArray(actual) && actual.length === 0),
  not_exists: (actual) => !OPERATORS.exists!(actual, undefined),
};

function equals(actual: ReturnType<Accessor>, value: unknown): boolean {
  if (typeof actual === 'string' && typeof value === 'string') {
    return actual.toLowerCase() === value.toLowerCase();
  }
  return actual === value;
}

/** POST /contacts/search: query, filters, sort and page/pageLimit or searchAfter paging. */
export const searchRoute: SandboxRoute = {
  method: 'POST',
  path: '/contacts/search',
  scope: 'contacts.readonly',
  handle({ body, grant, state }) {
    const input = validateGhlBody(searchContactsBody, body);
    requireOwnLocation(grant, input.locationId);
    const problems = [
      ...(input.filters ?? [])
        .filter((f) => !FIELDS[f.field] || !OPERATORS[f.operator])
        .map((f) => `filter ${f.field} ${f.operator} is not supported`),
      ...(input.sort ?? [])
        .filter((s) => !FIELDS[s.field])
        .map((s) => `sort field ${s.field} is not supported`),
    ];
    if (problems.length > 0) throw unprocessable(problems);

    const sort = input.sort?.[0] ?? { field: 'dateAdded', direction: 'desc' as const };
    const key = FIELDS[sort.field]!;
    const sign = sort.direction === 'asc' ? 1 : -1;
    const matching = [...state.data.contacts.values()]
      .filter((c) => c.locationId === grant.locationId && matchesQuery(c, input.query ?? ''))
      .filter((c) =>
        (input.filters ?? []).every((f) => OPERATORS[f.operator]!(FIELDS[f.field]!(c), f.value)),
      )
      .map((contact) => ({ contact, cursor: [key(contact), contact.id] as const }))
      .sort((a, b) => sign * compare(a.cursor, b.cursor));

    const pageLimit = input.pageLimit ?? 20;
    let start = ((input.page ?? 1) - 1) * pageLimit;
    if (input.searchAfter) {
      const after = input.searchAfter;
      start = matching.findIndex(
        (m) => sign * compare(m.cursor, [after[0] ?? null, String(after[1] ?? '')]) > 0,
      );
      if (start < 0) start = matching.length;
    }
    const page = matching.slice(start, start + pageLimit);
    return {
      status: 200,
      body: {
        contacts: page.map(({ contact, cursor }) => ({
          ...contactSearchView(contact),
          searchAfter: [...cursor],
        })),
        total: matching.length,
      },
    };
  },
};

function compare(
  a: readonly [ReturnType<Accessor>, string],
  b: readonly [unknown, string],
): number {
  const left = String(a[0] ?? '');
  const right = String(b[0] ?? '');
  if (typeof a[0] === 'number' && typeof b[0] === 'number') {
    return a[0] - b[0] || a[1].localeCompare(b[1]);
  }
  return left.localeCompare(right) || a[1].localeCompare(b[1]);
}
