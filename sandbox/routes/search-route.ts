import { contactSearchView, matchesQuery } from '../contact-views';
import {
  documentedSearchBody,
  searchBodyRules,
  type SearchFilter,
} from '../documented-search-body';
import { ghlError, unprocessable } from '../ghl-responses';
import { requireOwnLocation, type SandboxRoute } from '../route-context';
import type { SandboxContact } from '../sandbox-records';
import { validateGhlBody } from '../validate-body';

type Value = string | number | boolean | string[] | null;
type Accessor = (contact: SandboxContact) => Value;

const lower = (text: string | null) => text?.toLowerCase() ?? null;
const fullName = (c: SandboxContact) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/**
 * The documented fields the Sandbox can evaluate. A documented field outside this list is
 * refused as not supported by the Sandbox (422), an undocumented one as GHL does (400).
 */
const FIELDS: Record<string, Accessor> = {
  id: (c) => c.id,
  firstNameLowerCase: (c) => lower(c.firstName),
  lastNameLowerCase: (c) => lower(c.lastName),
  fullNameLowerCase: (c) => fullName(c).toLowerCase() || null,
  email: (c) => lower(c.email),
  validEmail: (c) => (c.email ? true : null),
  // Compared exactly as stored (E.164): a formatted number finds nothing, as in #289.
  phone: (c) => c.phone,
  companyName: (c) => c.companyName,
  address: (c) => c.address1,
  city: (c) => c.city,
  state: (c) => c.state,
  country: (c) => c.country,
  postalCode: (c) => c.postalCode,
  website: (c) => c.website,
  source: (c) => c.source,
  dnd: (c) => c.dnd,
  tags: (c) => c.tags,
  businessId: (c) => c.businessId,
  assignedTo: (c) => c.assignedTo,
  type: (c) => c.type,
  dateAdded: (c) => Date.parse(c.dateAdded),
  dateUpdated: (c) => Date.parse(c.dateUpdated),
  dateOfBirth: (c) => (c.dateOfBirth ? Date.parse(c.dateOfBirth) : null),
};

function equals(actual: Value, value: unknown): boolean {
  if (Array.isArray(actual)) return actual.includes(String(value).toLowerCase());
  if (typeof actual === 'string' && typeof value === 'string') {
    return actual.toLowerCase() === value.toLowerCase();
  }
  return actual === value;
}

const contains = (actual: Value, value: unknown) =>
  String(actual ?? '')
    .toLowerCase()
    .includes(String(value).toLowerCase());
const exists = (actual: Value) =>
  actual !== null && !(Array.isArray(actual) && actual.length === 0);

/** `range` takes `{ gt, gte, lt, lte }`, numbers or dates (dates compare as instants). */
function inRange(actual: Value, value: unknown): boolean {
  if (typeof actual !== 'number' || !value || typeof value !== 'object') return false;
  const bound = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : Number(v));
  const r = value as Record<string, unknown>;
  return (
    (r.gt === undefined || actual > bound(r.gt)) &&
    (r.gte === undefined || actual >= bound(r.gte)) &&
    (r.lt === undefined || actual < bound(r.lt)) &&
    (r.lte === undefined || actual <= bound(r.lte))
  );
}

const OPERATORS: Record<string, (actual: Value, value: unknown) => boolean> = {
  eq: equals,
  not_eq: (actual, value) => !equals(actual, value),
  contains,
  not_contains: (actual, value) => !contains(actual, value),
  exists,
  not_exists: (actual) => !exists(actual),
  range: inRange,
};

/** Whether a contact passes a filter or group (top-level filters are joined by AND). */
function passes(contact: SandboxContact, f: SearchFilter): boolean {
  if ('group' in f) {
    return f.group === 'OR'
      ? f.filters.some((inner) => passes(contact, inner))
      : f.filters.every((inner) => passes(contact, inner));
  }
  return OPERATORS[f.operator]!(FIELDS[f.field]!(contact), f.value);
}

function unsupported(filters: SearchFilter[]): string[] {
  return filters.flatMap((f) =>
    'group' in f
      ? unsupported(f.filters)
      : !FIELDS[f.field] || !OPERATORS[f.operator]
        ? [`filter ${f.field} ${f.operator} is not supported by the Sandbox`]
        : [],
  );
}

/**
 * POST /contacts/search by GHL's documented rules (documented-search-body.ts): filters and filter
 * groups, page + pageLimit or searchAfter paging, a free-text query. Contacts created within the
 * search lag are not seen yet (search-lag.ts).
 */
export const searchRoute: SandboxRoute = {
  method: 'POST',
  path: '/contacts/search',
  scope: 'contacts.readonly',
  handle({ body, grant, state }) {
    const input = validateGhlBody(documentedSearchBody, body);
    requireOwnLocation(grant, input.locationId);
    const refused = searchBodyRules(input);
    if (refused.length > 0) throw ghlError(400, refused[0]!);
    const problems = [
      ...unsupported(input.filters ?? []),
      ...(input.sort ?? [])
        .filter((s) => !FIELDS[s.field])
        .map((s) => `sort field ${s.field} is not supported by the Sandbox`),
    ];
    if (problems.length > 0) throw unprocessable(problems);

    const sort = input.sort?.[0] ?? { field: 'dateAdded', direction: 'desc' as const };
    const key = FIELDS[sort.field]!;
    const sign = sort.direction === 'asc' ? 1 : -1;
    const matching = [...state.data.contacts.values()]
      .filter((c) => c.locationId === grant.locationId && state.searchLag.visible(c.id))
      .filter((c) => matchesQuery(c, input.query ?? ''))
      .filter((c) => (input.filters ?? []).every((f) => passes(c, f)))
      .map((contact) => ({ contact, cursor: [key(contact), contact.id] as const }))
      .sort((a, b) => sign * compare(a.cursor, b.cursor));

    const pageLimit = input.pageLimit;
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

function compare(a: readonly [Value, string], b: readonly [unknown, string]): number {
  if (typeof a[0] === 'number' && typeof b[0] === 'number') {
    return a[0] - b[0] || a[1].localeCompare(b[1]);
  }
  return String(a[0] ?? '').localeCompare(String(b[0] ?? '')) || a[1].localeCompare(b[1]);
}
