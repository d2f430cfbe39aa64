import { z } from 'zod';

/**
 * POST /contacts/search as GHL documents it. The spec's `SearchBodyV2DTO` is empty; the body is
 * documented on the page the operation links to (GHL's "Search Contacts" guide) and by what GHL
 * answers (GoHighLevel/highlevel-api-docs#31: `locationId` and `pageLimit` are required, else
 * 422; #289: filter groups, `nested`, and 400 "Invalid field x" with a `traceId`). The Sandbox
 * answers by these rules, and the traffic check judges the product's search bodies by them,
 * not by the product's own schema (utils/ghl/schemas/search-schemas.ts).
 */

/** The documented operators. */
export const SEARCH_OPERATORS = [
  'eq',
  'not_eq',
  'contains',
  'not_contains',
  'exists',
  'not_exists',
  'range',
  'nested',
] as const;

/** The documented standard fields (custom fields are `customFields.<id>`). */
export const SEARCH_FIELDS = new Set([
  'id',
  'firstNameLowerCase',
  'lastNameLowerCase',
  'fullNameLowerCase',
  'email',
  'validEmail',
  'phone',
  'companyName',
  'businessName',
  'businessId',
  'address',
  'city',
  'state',
  'country',
  'postalCode',
  'website',
  'source',
  'type',
  'tags',
  'assignedTo',
  'followers',
  'dnd',
  'dateAdded',
  'dateUpdated',
  'dateOfBirth',
  'lastActivity',
  // Added after #279.
  'dndSettings.Email.status',
  'dndSettings.SMS.status',
  'dndSettings.Call.status',
  'inboundDndSettings.all.status',
]);

/** Page paging reaches at most this many records; beyond, GHL asks for `searchAfter`. */
export const PAGE_PAGING_LIMIT = 10_000;
/** The longest free-text `query` GHL takes. */
export const QUERY_MAX_LENGTH = 75;

const filter = z.strictObject({
  field: z.string(),
  operator: z.enum(SEARCH_OPERATORS),
  value: z.unknown().optional(),
});
/** A filter, or a group of filters joined by AND or OR (groups nest). */
export type SearchFilter =
  z.infer<typeof filter> | { group: 'AND' | 'OR'; filters: SearchFilter[] };
const filterOrGroup: z.ZodType<SearchFilter> = z.lazy(() =>
  z.union([
    filter,
    z.strictObject({ group: z.enum(['AND', 'OR']), filters: z.array(filterOrGroup).min(1) }),
  ]),
);

/** The documented body; cross-field rules are {@link searchBodyRules}. */
export const documentedSearchBody = z.strictObject({
  locationId: z.string().min(1),
  pageLimit: z.number().int().min(1).max(500),
  page: z.number().int().min(1).optional(),
  searchAfter: z.array(z.union([z.string(), z.number()])).optional(),
  query: z.string().max(QUERY_MAX_LENGTH).optional(),
  filters: z.array(filterOrGroup).optional(),
  sort: z
    .array(z.strictObject({ field: z.string(), direction: z.enum(['asc', 'desc']) }))
    .max(2)
    .optional(),
});
export type DocumentedSearchBody = z.infer<typeof documentedSearchBody>;

/** Every plain filter of a body, groups opened. */
export function plainFilters(filters: SearchFilter[] = []): z.infer<typeof filter>[] {
  return filters.flatMap((f) => ('group' in f ? plainFilters(f.filters) : [f]));
}

/** Whether a field name is one GHL's search knows. */
export const knownSearchField = (field: string) =>
  SEARCH_FIELDS.has(field) || /^customFields\.[\w-]+$/.test(field);

/** The rules across fields GHL applies (400 Bad Request), as messages. */
export function searchBodyRules(body: DocumentedSearchBody): string[] {
  const problems: string[] = [];
  for (const f of plainFilters(body.filters)) {
    if (!knownSearchField(f.field)) problems.push(`Invalid field ${f.field}`);
  }
  for (const s of body.sort ?? []) {
    if (!knownSearchField(s.field)) problems.push(`Invalid sort field ${s.field}`);
  }
  if (body.page !== undefined && body.searchAfter !== undefined) {
    problems.push('page and searchAfter cannot be used together');
  }
  if ((body.page ?? 1) * body.pageLimit > PAGE_PAGING_LIMIT) {
    problems.push(
      `page paging is limited to ${PAGE_PAGING_LIMIT} records; use searchAfter to go further`,
    );
  }
  return problems;
}

/** The problems of a body by GHL's documented rules (for the traffic check), or none. */
export function checkDocumentedSearchBody(body: unknown): string[] {
  const parsed = documentedSearchBody.safeParse(body);
  if (!parsed.success) return parsed.error.issues.flatMap((issue) => describe(issue, []));
  return searchBodyRules(parsed.data).map((problem) => `body: ${problem}`);
}

/** An issue in words; a filter that fits neither form is told as a plain filter (the usual). */
function describe(issue: z.core.$ZodIssue, prefix: PropertyKey[]): string[] {
  const path = [...prefix, ...issue.path].map(String);
  if (issue.code === 'invalid_union' && issue.errors[0]?.length) {
    return issue.errors[0].flatMap((inner) => describe(inner, path));
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(
      (key) => `${['body', ...path, key].join('.')}: unknown property (not in GHL's search docs)`,
    );
  }
  return [`${['body', ...path].join('.')}: ${issue.message}`];
}
