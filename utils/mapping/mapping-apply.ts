import type { IDBPTransaction } from 'idb';
import type { CacheDb, CachedContact, TranscriptRecord } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import { contentHash, stableJson } from '../db/content-hash';
import { recordFields } from './apply-mapping';
import type { FieldMapping } from './field-mapping';
import { META_KEYS } from '../db/meta-keys';

/**
 * Making a mapping live on the records: every linked transcript's `fields` recomputed from the
 * cached contact, in one transaction, without asking GHL anything. The cache's `meta` store keeps
 * a hash of the mapping the records were last computed with, so a background start can tell
 * whether they still need it (an upgrade from the 0.1 labels, a save cut short).
 */

/**
 * `meta` key: the mapping the records were last computed with, and its hash. Every write of a
 * record's fields reads it inside its own transaction, so a sync that started before a save
 * cannot write the old mapping's fields after the save recomputed them.
 */
export const MAPPING_APPLIED_KEY = META_KEYS.mappingApplied;

/** What `meta` keeps under MAPPING_APPLIED_KEY (a bare hash before the mapping was kept too). */
interface AppliedMapping {
  hash: string;
  mapping: FieldMapping;
}

/** The mapping the records are computed with, from its `meta` value; undefined before any. */
export function appliedMapping(stored: unknown): FieldMapping | undefined {
  return stored && typeof stored === 'object' && 'mapping' in stored
    ? (stored as AppliedMapping).mapping
    : undefined;
}

function appliedHash(stored: unknown): string | undefined {
  return typeof stored === 'string' ? undefined : (stored as AppliedMapping | undefined)?.hash;
}

function applied(mapping: FieldMapping): AppliedMapping {
  return { hash: mappingHash(mapping), mapping };
}

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
  await tx.objectStore('meta').put(applied(mapping), MAPPING_APPLIED_KEY);
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
  if (appliedHash(await tx.objectStore('meta').get(MAPPING_APPLIED_KEY)) === mappingHash(mapping)) {
    await tx.done;
    return undefined;
  }
  const changed = await recomputeIn(tx, mapping, options);
  await tx.objectStore('meta').put(applied(mapping), MAPPING_APPLIED_KEY);
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
