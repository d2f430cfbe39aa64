import { z } from 'zod';
import type { CacheDatabase } from '../db/open-cache-db';
import { BULK_READS_PREFIX } from '../db/meta-keys';
import { GhlError } from '../ghl/ghl-error';

/**
 * What the bulk reads learnt of a location, kept in the cache's `meta` store: which optional
 * scopes GHL refused (the sync then reads those parts contact by contact, and the popup names the
 * scope), and the location's calendars (the appointment scan reads events calendar by calendar).
 */

/** The optional scopes bulk reads use (utils/ghl/api-constants.ts says what each reads). */
export {
  SCOPE_CALENDAR_EVENTS_READ as SCOPE_EVENTS_READ,
  SCOPE_CALENDARS_READ,
  SCOPE_LOCATION_TASKS_READ as SCOPE_TASKS_SEARCH,
} from '../ghl/api-constants';

/** A refused scope is tried again after this long (a Private Integration token may gain it). */
export const MISSING_SCOPE_RETRY_MS = 24 * 60 * 60_000;
/** The calendars are read again after this long. */
export const CALENDARS_REFRESH_MS = 24 * 60 * 60_000;

const bulkFactsSchema = z.object({
  /** Scope → when GHL refused it. */
  missing: z.record(z.string(), z.number()),
  /**
   * Scope → when a read under it was refused as invalid or answered unreadably: the endpoint
   * behaves otherwise than its spec here, so the part is read contact by contact for a day.
   */
  unusable: z.record(z.string(), z.number()).optional(),
  calendars: z.object({ ids: z.array(z.string()), at: z.number() }).optional(),
});

/** What is kept per location. */
export type BulkFacts = z.infer<typeof bulkFactsSchema>;

/** The `meta` key of a location's facts. */
export const bulkFactsKey = (locationId: string) => BULK_READS_PREFIX + locationId;

/** Stored facts; anything malformed reads as nothing learnt. */
export function parseBulkFacts(value: unknown): BulkFacts {
  const parsed = bulkFactsSchema.safeParse(value);
  return parsed.success ? parsed.data : { missing: {} };
}

/** The kept facts of a location. */
export async function readBulkFacts(db: CacheDatabase, locationId: string): Promise<BulkFacts> {
  return parseBulkFacts(await db.get('meta', bulkFactsKey(locationId)));
}

/** Keeps the facts. */
export async function saveBulkFacts(db: CacheDatabase, locationId: string, facts: BulkFacts) {
  await db.put('meta', facts, bulkFactsKey(locationId));
}

const recent = (at: number | undefined, now: number) =>
  at !== undefined && now - at < MISSING_SCOPE_RETRY_MS;

/** Whether GHL refused `scope` recently enough that asking again would only be refused. */
export function scopeMissing(facts: BulkFacts, scope: string, now: number): boolean {
  return recent(facts.missing[scope], now);
}

/** Whether the bulk read under `scope` is not to be tried now (refused, or unusable, lately). */
export function bulkReadOff(facts: BulkFacts, scope: string, now: number): boolean {
  return scopeMissing(facts, scope, now) || recent(facts.unusable?.[scope], now);
}

/** The optional scopes GHL refused (still within their retry wait): what the popup names. */
export function missingBulkScopes(facts: BulkFacts, now: number): string[] {
  return Object.keys(facts.missing).filter((scope) => scopeMissing(facts, scope, now));
}

/** Whether an error is GHL refusing the token's scopes (not a failure of the sync). */
export function isScopeRefusal(error: unknown): boolean {
  return (
    error instanceof GhlError && (error.kind === 'missing-scope' || error.kind === 'forbidden')
  );
}
