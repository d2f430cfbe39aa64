import { META_KEYS } from '../db/meta-keys';

/**
 * Tasks and notes a person deleted through the outbox, by id, with when the cache forgot them.
 * A sync that was reading GHL at that moment may have fetched the record just before it went: with
 * nothing left in the cache to compare against, it would store it again and narrate it "added"
 * (then "deleted in GHL" on the next sync). A sync skips a fetched record deleted here after its
 * reads started (utils/sync/newer-writes.ts). Kept in the `meta` store; a sync lasts seconds, so
 * entries older than {@link LOCAL_DELETE_TTL_MS} are pruned.
 */
export const LOCAL_DELETES_KEY = META_KEYS.localDeletes;

/** How long a deletion is remembered: far longer than any one sync's reads take. */
export const LOCAL_DELETE_TTL_MS = 10 * 60_000;

/** The part of the `meta` store (in a transaction) this needs. */
interface MetaStore {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
}

/** The stored deletions by record id; anything malformed reads as none. */
export function parseLocalDeletes(value: unknown): Map<string, number> {
  const deletes = new Map<string, number>();
  if (typeof value !== 'object' || value === null) return deletes;
  for (const [id, at] of Object.entries(value)) if (typeof at === 'number') deletes.set(id, at);
  return deletes;
}

/** Records that the cache forgot record `id` at `at`, and prunes deletions long past. */
export async function recordLocalDelete(meta: MetaStore, id: string, at: number): Promise<void> {
  const deletes = parseLocalDeletes(await meta.get(LOCAL_DELETES_KEY));
  deletes.set(id, at);
  for (const [key, when] of deletes) if (at - when > LOCAL_DELETE_TTL_MS) deletes.delete(key);
  await meta.put(Object.fromEntries(deletes), LOCAL_DELETES_KEY);
}
