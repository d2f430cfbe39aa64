import { z } from 'zod';
import {
  customFieldInput,
  customFieldValue,
  dndSettingsInput,
  inboundDndSettingsInput,
  optionalText,
} from './shared-fields';
import { tolerantList } from './tolerant-list';

/**
 * Contacts as GHL returns and accepts them (apps/contacts.json: `GetContectByIdSchema`,
 * `ContactsSearchSchema`, `CreateContactDto`, `UpdateContactDto`). Responses keep unknown fields;
 * request bodies allow only documented ones, because GHL answers 422 to anything else.
 */

/** One contact (GET /contacts/:contactId and the contact in create/update answers). */
export const contactSchema = z.looseObject({
  id: z.string(),
  locationId: optionalText,
  name: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  email: optionalText,
  phone: optionalText,
  companyName: optionalText,
  timezone: optionalText,
  assignedTo: optionalText,
  address1: optionalText,
  city: optionalText,
  state: optionalText,
  country: optionalText,
  postalCode: optionalText,
  website: optionalText,
  source: optionalText,
  type: optionalText,
  dnd: z.boolean().nullish(),
  tags: z.array(z.string()).nullish(),
  /**
   * A string in the spec and in GET by id; an epoch number (ms) in real search answers
   * (GoHighLevel/highlevel-api-docs#314), so either is read.
   */
  dateOfBirth: z.union([z.string(), z.number()]).nullish(),
  dateAdded: optionalText,
  dateUpdated: optionalText,
  businessId: optionalText,
  customFields: z.array(customFieldValue).nullish(),
});
export type GhlContact = z.infer<typeof contactSchema>;

/**
 * A contact in a list (GET /contacts/, GET /contacts/business/:id, POST /contacts/search). The spec
 * lists few fields; GHL also sends names and company, which the product needs for search results,
 * and (in search answers, #314) `address` where GET by id has `address1`.
 */
export const contactListItemSchema = contactSchema.extend({
  contactName: optionalText,
  address: optionalText,
});

/** Contacts of a list answer, read one by one (see tolerant-list). */
export const contactList = tolerantList(contactListItemSchema);
export type GhlContactListItem = z.infer<typeof contactListItemSchema>;

/** `ContactsByIdSuccessfulResponseDto`. */
export const getContactResponse = z.looseObject({ contact: contactSchema });

/** `UpdateContactsSuccessfulResponseDto`. */
export const updateContactResponse = z.looseObject({
  succeded: z.boolean().optional(),
  contact: contactSchema,
});

/** `CreateContactsSuccessfulResponseDto`. */
export const createContactResponse = z.looseObject({ contact: contactSchema });

/** Paging facts GET /contacts/ sends beside the list (not in the spec's schema, sent by GHL). */
export const contactListMeta = z.looseObject({
  total: z.number().optional(),
  nextPageUrl: z.string().nullish(),
  startAfterId: z.string().nullish(),
  startAfter: z.number().nullish(),
  currentPage: z.number().nullish(),
  nextPage: z.number().nullish(),
  prevPage: z.number().nullish(),
});

/** `ContactsSearchSuccessfulResponseDto` (GET /contacts/ and GET /contacts/business/:id). */
export const contactListResponse = z.looseObject({
  contacts: contactList,
  count: z.number().optional(),
  meta: contactListMeta.optional(),
});
export type GhlContactList = z.infer<typeof contactListResponse>;

const nullableText = z.string().nullable();

/** Fields both create and update accept. */
const contactInputFields = {
  firstName: nullableText.optional(),
  lastName: nullableText.optional(),
  name: nullableText.optional(),
  email: nullableText.optional(),
  phone: nullableText.optional(),
  address1: nullableText.optional(),
  city: nullableText.optional(),
  state: nullableText.optional(),
  postalCode: z.string().optional(),
  website: nullableText.optional(),
  timezone: nullableText.optional(),
  dnd: z.boolean().optional(),
  dndSettings: dndSettingsInput.optional(),
  inboundDndSettings: inboundDndSettingsInput.optional(),
  tags: z.array(z.string()).optional(),
  customFields: z.array(customFieldInput).optional(),
  dateOfBirth: nullableText.optional(),
  country: z.string().optional(),
};

/** `CreateContactDto` (POST /contacts/): `locationId` is required. */
export const createContactBody = z.strictObject({
  ...contactInputFields,
  locationId: z.string(),
  gender: z.string().optional(),
  source: z.string().optional(),
  companyName: nullableText.optional(),
  assignedTo: z.string().optional(),
});
export type CreateContactInput = z.input<typeof createContactBody>;

/**
 * `UpdateContactDto` (PUT /contacts/:contactId). The spec has no `locationId` here (GHL rejects it
 * on update). It has no `companyName` either, but real GHL takes it: PUT enforces a strict
 * whitelist (an invented property answers 422 "should not exist") and `companyName` answers 200,
 * checked field by field against a live location in GoHighLevel/highlevel-api-docs#314. An
 * evidence-based exception, listed in test/contract/evidence-exceptions.ts.
 */
export const updateContactBody = z.strictObject({
  ...contactInputFields,
  companyName: nullableText.optional(),
  source: nullableText.optional(),
  assignedTo: nullableText.optional(),
});
export type UpdateContactInput = z.input<typeof updateContactBody>;
