import type { IDBPTransaction } from 'idb';
import type { CacheDb, CachedContact, TranscriptRecord } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import { contentHash, stableJson } from '../sync/content-hash';
import { recordFields } from './apply-mapping';
import type { FieldMapping } from './field-mapping';

/**
 * Making a mapping live on the records: every linked transcript's `fields` recomputed from the
 * cached contact, in one transaction, without asking GHL anything. The cache's `meta` store keeps
 * a hash of the mapping the records were last computed with, so a background start can tell
 * whether they still need it (an upgrade from the 0.1 labels, a save cut short).
 */

/** `meta` key: the hash of the mapping the records were last computed with. */
export const MAPPING_APPLIED_KEY = 'mappingApplied';

/** A record the mapping changed. */
export interface RecomputedRecord {
  transcriptId: string;
  contactId: string;
}

/** Options of {@link recomputeRecords}. */
export interface RecomputeOptions {
  /** For dates; the runtime's time zone by default. */
  timeZone?: string;
}

/** The hash stored under MAPPING_APPLIED_KEY: the same mapping always hashes the same. */
export function mappingHash(mapping: FieldMapping): string {
  return contentHash(mapping);
}

/**
 * The contact a record's fields can be computed from: one the cache holds as GHL answered it
 * (a sync or a link read it in full; a search result alone carries too few fields).
 */
export function mappableContact(cached: CachedContact | undefined): GhlContact | undefined {
  return cached?.syncedAt !== undefined ? cached.contact : undefined;
}

/**
 * Whether a record has fields a mapping may recompute: a record without a snapshot yet is left
 * for its contact's first sync, which takes it as the baseline.
 */
export function hasSnapshot(record: TranscriptRecord | undefined): record is TranscriptRecord {
  return record?.snapshotAt !== undefined;
}

/** Whether two field sets say the same (key order does not matter). */
export function sameFields(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): boolean {
  return stableJson(a ?? {}) === stableJson(b ?? {});
}

/**
 * Recomputes every linked transcript's fields with `mapping` from the cached contact, and notes
 * the mapping as applied, in one transaction. Records whose contact is not cached are left as
 * they are; `snapshotAt` stays (the contact data is as old as it was). Answers the records that
 * changed.
 */
export async function recomputeRecords(
  db: CacheDatabase,
  mapping: FieldMapping,
  options: RecomputeOptions = {},
): Promise<RecomputedRecord[]> {
  const tx = db.transaction(['links', 'transcripts', 'contacts', 'meta'], 'readwrite');
  const changed = await recomputeIn(tx, mapping, options);
  await tx.objectStore('meta').put(mappingHash(mapping), MAPPING_APPLIED_KEY);
  await tx.done;
  return changed;
}

/**
 * {@link recomputeRecords} when the records were last computed with another mapping (or never
 * noted: records from before the mapping existed); undefined, writing nothing, when they were.
 */
export async function recomputeIfMappingChanged(
  db: CacheDatabase,
  mapping: FieldMapping,
  options: RecomputeOptions = {},
): Promise<RecomputedRecord[] | undefined> {
  const tx = db.transaction(['links', 'transcripts', 'contacts', 'meta'], 'readwrite');
  const hash = mappingHash(mapping);
  if ((await tx.objectStore('meta').get(MAPPING_APPLIED_KEY)) === hash) {
    await tx.done;
    return undefined;
  }
  const changed = await recomputeIn(tx, mapping, options);
  await tx.objectStore('meta').put(hash, MAPPING_APPLIED_KEY);
  await tx.done;
  return changed;
}

type RecomputeTx = IDBPTransaction<
  CacheDb,
  ['links', 'transcripts', 'contacts', 'meta'],
  'readwrite'
>;

async function recomputeIn(
  tx: RecomputeTx,
  mapping: FieldMapping,
  options: RecomputeOptions,
): Promise<RecomputedRecord[]> {
  const changed: RecomputedRecord[] = [];
  const contacts = new Map<string, GhlContact | undefined>();
  for (const link of await tx.objectStore('links').getAll()) {
    const record = await tx.objectStore('transcripts').get(link.transcriptId);
    if (!hasSnapshot(record)) continue;
    if (!contacts.has(link.contactId)) {
      contacts.set(
        link.contactId,
        mappableContact(await tx.objectStore('contacts').get(link.contactId)),
      );
    }
    const contact = contacts.get(link.contactId);
    if (!contact) continue;
    const fields = recordFields(contact, mapping, { timeZone: options.timeZone });
    if (sameFields(record.fields, fields)) continue;
    await tx.objectStore('transcripts').put({ ...record, fields });
    changed.push({ transcriptId: link.transcriptId, contactId: link.contactId });
  }
  return changed;
}
