import type { CachedContact } from '@/utils/db/cache-schema';
import type { GhlContact } from '@/utils/ghl/schemas/contact-schemas';
import { LOCATION, type BackgroundUnderTest } from './sync-wiring-harness';

/** The roles and the Trint tab the contact message tests send from. */
export const PAGE = 'extension-page' as const;
export const TAB = 'trint-tab' as const;
/** The Trint tab showing transcript t-1. */
export const ON_T1 = { transcriptId: 't-1' };
/** Seeded Sandbox contacts besides Jane and Sam. */
export const OMAR = 'sbxContOmarHaddad003';
export const ANA = 'sbxContAnaRuiz000004';
/** The Sandbox's counter of contact searches. */
export const SEARCHES = 'POST /contacts/search';

/** Puts a contact straight into the cache, as an earlier search or sync would have. */
export async function cacheContact(
  h: BackgroundUnderTest,
  contact: GhlContact,
  extra: Partial<CachedContact> = {},
) {
  const record = { id: contact.id, locationId: LOCATION, contact, lastUsedAt: 0, ...extra };
  await (await h.db.get()).put('contacts', record);
}

/** A contact with a first and last name, and any other fields. */
export const person = (
  id: string,
  firstName: string,
  lastName: string,
  more: Partial<GhlContact> = {},
) => ({ id, firstName, lastName, ...more }) as GhlContact;
