import type { Clock } from '../clock';
import type { CacheDbSource } from '../db/open-cache-db';
import type { GhlClient } from '../ghl/ghl-client';
import { GhlError } from '../ghl/ghl-error';
import { SCOPE_CUSTOM_FIELDS_READ, SCOPE_USERS_READ } from '../ghl/api-constants';
import { namesKey, parseLocationNames, type LocationNames } from './location-names';
import { userName } from './user-name';

/** Names are read again after a day: people and fields are renamed rarely. */
export const NAMES_REFRESH_MS = 24 * 60 * 60_000;
/** After a read that failed for another reason than a scope (offline, 5xx): an hour. */
export const NAMES_RETRY_MS = 60 * 60_000;

/** What the names cache needs: the cache, a clock and the connected location's client. */
export interface NamesCacheDeps {
  db: Pick<CacheDbSource, 'get'>;
  clock: Clock;
  /** The current connection's client; throws when there is none (nothing is read then). */
  client(): Promise<{ credentialId: string; locationId: string; ghl: GhlClient }>;
}

/** One list's outcome: read, refused for its optional scope, or failed for another reason. */
type ListRead<T> = { list: T[] } | { missing: true } | { failed: true };

/**
 * The names of the connected location's users and custom fields, from the cache, read from GHL
 * on the first ask after connecting and then at most once a day (2 requests), an hour after a
 * failed attempt. A refusal for a missing optional scope (401 "not authorized for this scope",
 * or 403) is remembered as such until the next refresh: no retries, no failure shown.
 */
export function createNamesCache(deps: NamesCacheDeps) {
  let inFlight: Promise<LocationNames | undefined> | undefined;

  async function stored(locationId: string): Promise<LocationNames | undefined> {
    return parseLocationNames(await (await deps.db.get()).get('meta', namesKey(locationId)));
  }

  function due(names: LocationNames | undefined, credentialId: string): boolean {
    if (!names || names.credentialId !== credentialId) return true;
    const wait = names.complete ? NAMES_REFRESH_MS : NAMES_RETRY_MS;
    return deps.clock.now() - names.checkedAt >= wait;
  }

  async function refresh(): Promise<LocationNames | undefined> {
    let connection: Awaited<ReturnType<NamesCacheDeps['client']>>;
    try {
      connection = await deps.client();
    } catch {
      return undefined; // Not connected, or reconnect needed: no names to read.
    }
    const { credentialId, locationId, ghl } = connection;
    const before = await stored(locationId);
    if (!due(before, credentialId)) return before;
    const options = { priority: 'background' as const };
    const [users, fields] = await Promise.all([
      readList(() => ghl.users.list(locationId, options)),
      readList(() => ghl.customFields.list(locationId, options)),
    ]);
    const kept = before?.credentialId === credentialId ? before : undefined;
    const names: LocationNames = {
      locationId,
      credentialId,
      checkedAt: deps.clock.now(),
      complete: !('failed' in users) && !('failed' in fields),
      missingScopes: [
        ...('missing' in users ? [SCOPE_USERS_READ] : []),
        ...('missing' in fields ? [SCOPE_CUSTOM_FIELDS_READ] : []),
      ],
      users:
        'list' in users
          ? users.list.filter((u) => !u.deleted).map((u) => ({ id: u.id, name: userName(u) }))
          : 'missing' in users
            ? undefined
            : kept?.users,
      customFields:
        'list' in fields
          ? fields.list.map((f) => ({
              id: f.id,
              name: f.name?.trim() || f.id,
              ...(f.fieldKey ? { key: f.fieldKey } : {}),
            }))
          : 'missing' in fields
            ? undefined
            : kept?.customFields,
    };
    await (await deps.db.get()).put('meta', names, namesKey(locationId));
    return names;
  }

  return {
    /**
     * The connected location's names: the stored ones, read from GHL first when due. Concurrent
     * callers share one read.
     */
    async get(): Promise<LocationNames | undefined> {
      inFlight ??= refresh().finally(() => (inFlight = undefined));
      return inFlight;
    },
  };
}

/** See {@link createNamesCache}. */
export type NamesCache = ReturnType<typeof createNamesCache>;

async function readList<T>(read: () => Promise<T[]>): Promise<ListRead<T>> {
  try {
    return { list: await read() };
  } catch (error) {
    if (error instanceof GhlError && (error.kind === 'missing-scope' || error.kind === 'forbidden'))
      return { missing: true };
    return { failed: true };
  }
}
