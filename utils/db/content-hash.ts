import type { CachedChild } from './cache-schema';

/**
 * A short, stable hash of a record's content. GHL gives tasks and notes no update time, so a
 * changed hash is how a change is seen. Keys are sorted so the same content always hashes the
 * same, whatever order GHL sends the fields in. FNV-1a (two 32-bit lanes): fast, synchronous and
 * plenty to tell versions of one record apart; it is not a security measure.
 */
export function contentHash(value: unknown): string {
  const text = stableJson(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** JSON with object keys sorted at every level. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A task or note as the cache keeps it, hashed the one way the sync compares: the sync, and the
 * outbox storing GHL's answer to a person's write, must agree or the write reads as a GHL change.
 */
export function cachedChild<T extends { id: string }>(
  value: T,
  contactId: string,
  fetchedAt: number,
): CachedChild<T> {
  return { id: value.id, contactId, value, hash: contentHash(value), fetchedAt };
}
