import { z } from 'zod';
import { contactList } from './contact-schemas';

/** A plain filter: a field, an operator and (but for `exists`) a value. */
const plainFilter = z.strictObject({
  field: z.string(),
  operator: z.string(),
  value: z.unknown().optional(),
});

/** A filter, or filters joined by AND or OR (GHL's search docs; groups nest, #289). */
export type SearchFilterInput =
  z.infer<typeof plainFilter> | { group: 'AND' | 'OR'; filters: SearchFilterInput[] };

const searchFilter: z.ZodType<SearchFilterInput> = z.lazy(() =>
  z.union([
    plainFilter,
    z.strictObject({ group: z.enum(['AND', 'OR']), filters: z.array(searchFilter).min(1) }),
  ]),
);

/**
 * POST /contacts/search. The OpenAPI file leaves `SearchBodyV2DTO` without properties and the 200
 * answer without a schema; both come from GHL's search documentation that the spec links to:
 * locationId, page + pageLimit or searchAfter paging, a free-text query, filters and sort.
 */
export const searchContactsBody = z.strictObject({
  locationId: z.string(),
  page: z.number().int().min(1).optional(),
  // Required by GHL (422 without it, GoHighLevel/highlevel-api-docs#31).
  pageLimit: z.number().int().min(1).max(500),
  searchAfter: z.array(z.union([z.string(), z.number()])).optional(),
  query: z.string().max(75).optional(),
  filters: z.array(searchFilter).optional(),
  sort: z
    .array(z.strictObject({ field: z.string(), direction: z.enum(['asc', 'desc']) }))
    .optional(),
});
export type SearchContactsInput = z.input<typeof searchContactsBody>;

/** The search answer: a page of contacts and the total that match. */
export const searchContactsResponse = z.looseObject({
  contacts: contactList,
  total: z.number(),
});

/** GET /contacts/ query (`get-contacts`): limit is at most 100, GHL's default 20. */
export const listContactsQuery = z.strictObject({
  locationId: z.string().min(1),
  query: z.string().optional(),
  limit: z.number().int().min(1).max(100).optional(),
  startAfterId: z.string().optional(),
  startAfter: z.number().optional(),
});
export type ListContactsQuery = z.input<typeof listContactsQuery>;

/** GET /contacts/business/:businessId query (`get-contacts-by-businessId`). */
export const businessContactsQuery = z.strictObject({
  locationId: z.string().min(1),
  limit: z.number().int().min(1).max(100).optional(),
  skip: z.number().int().min(0).optional(),
  query: z.string().optional(),
});
export type BusinessContactsQuery = z.input<typeof businessContactsQuery>;
