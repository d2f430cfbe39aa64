// What a Sandbox location saw: every GHL request with its simulated time and status, and the
// figures the benchmarks report from it (requests, 429s, the busiest 10 s window).

/** GHL's burst window: 100 requests per 10 s per location. */
export const BURST_WINDOW_MS = 10_000;
export const BURST_MAX = 100;

/** A contact's part as the GHL paths name it, for "which read saw this edit". */
export type ContactPart = 'contact' | 'tasks' | 'notes' | 'appointments';

/** Which contact and part a GHL path reads, if it is one of the four sync reads. */
export function readOf(
  method: string,
  path: string,
): { contactId: string; part: ContactPart } | undefined {
  if (method !== 'GET') return undefined;
  const match = /^\/contacts\/([^/?]+)(?:\/(tasks|notes|appointments))?\/?(?:\?|$)/.exec(path);
  if (!match || match[1] === 'business' || match[1] === 'search') return undefined;
  return { contactId: match[1]!, part: (match[2] as ContactPart | undefined) ?? 'contact' };
}

/** A bulk read: which part of which contacts it answered (issue 17's bulk reads). */
interface BulkRead {
  part: ContactPart;
  contactIds: string[];
  /** It answered for every contact of the location (the calendar events of a window). */
  everyContact?: boolean;
}

/** The paths of the bulk reads. */
const BULK_PATHS = /^\/(contacts\/search|locations\/[^/]+\/tasks\/search|calendars\/events)\/?$/;

/**
 * What a bulk read answered for: the contacts a search answer holds (a contact search shows only
 * what matched, e.g. what changed), the contacts a task search asked for, every contact's
 * appointments for calendar events (one calendar each: close enough for staleness).
 */
function bulkReadOf(path: string, sent: string, answer: string): BulkRead | undefined {
  try {
    if (path.startsWith('/contacts/search')) {
      const { contacts } = JSON.parse(answer) as { contacts?: { id: string }[] };
      return { part: 'contact', contactIds: (contacts ?? []).map((c) => c.id) };
    }
    if (path.startsWith('/locations/')) {
      const { contactId } = JSON.parse(sent) as { contactId?: string[] };
      return { part: 'tasks', contactIds: contactId ?? [] };
    }
    return { part: 'appointments', contactIds: [], everyContact: true };
  } catch {
    return undefined;
  }
}

/**
 * Records every GHL request a fetch answers, on the simulated clock: wrap the Sandbox's fetch with
 * `observe`. (Cheaper than the Sandbox's onTraffic, which builds a masked log entry each time.)
 */
export function createTrafficRecorder(
  now: () => number,
  onRead?: (contactId: string, at: number) => void,
) {
  const times: number[] = [];
  const statuses: number[] = [];
  /** When each (contact, part) was last answered with 200. */
  const lastRead = new Map<string, number>();
  const contactsRead = new Set<string>();
  let counting = true;

  function record(method: string, path: string, status: number, bulk?: BulkRead) {
    const at = now();
    if (counting) {
      times.push(at);
      statuses.push(status);
    }
    if (status !== 200) return;
    if (bulk) {
      for (const contactId of bulk.contactIds) lastRead.set(`${contactId} ${bulk.part}`, at);
      if (bulk.everyContact) lastRead.set(`* ${bulk.part}`, at);
      return;
    }
    const read = readOf(method, path);
    if (!read) return;
    lastRead.set(`${read.contactId} ${read.part}`, at);
    // Every contact a sync reads reads its own notes (GHL has no bulk read for notes); its details
    // may have come from a bulk read.
    if (read.part === 'contact' || read.part === 'notes') contactsRead.add(read.contactId);
    onRead?.(read.contactId, at);
  }

  return {
    /** `fetch` that records what `inner` answers (a thrown fetch counts as status 0). */
    observe(inner: typeof fetch): typeof fetch {
      return async (input, init) => {
        const request = new Request(input, init);
        const path = new URL(request.url).pathname;
        const sent = BULK_PATHS.test(path) ? await request.clone().text() : undefined;
        try {
          const response = await inner(request);
          const bulk =
            sent !== undefined && response.status === 200
              ? bulkReadOf(path, sent, await response.clone().text())
              : undefined;
          record(request.method, path, response.status, bulk);
          return response;
        } catch (error) {
          record(request.method, path, 0);
          throw error;
        }
      };
    },
    /** How many of these contacts have been read. */
    readCount: (contactIds: ReadonlySet<string>) =>
      [...contactIds].filter((id) => contactsRead.has(id)).length,
    /** Whether every one of these contacts has been read (GET /contacts/:id answered 200). */
    allRead: (contactIds: ReadonlySet<string>) =>
      contactsRead.size >= contactIds.size && [...contactIds].every((id) => contactsRead.has(id)),
    /**
     * When GHL last answered this part of this contact, on its own or in a bulk read (undefined:
     * not since recording began).
     */
    lastReadAt: (contactId: string, part: ContactPart) => {
      const own = lastRead.get(`${contactId} ${part}`);
      const all = lastRead.get(`* ${part}`);
      return own === undefined ? all : all === undefined ? own : Math.max(own, all);
    },
    /** Forgets what was recorded: the measurement starts now. */
    reset() {
      times.length = 0;
      statuses.length = 0;
    },
    /** Stops counting requests (reads are still remembered, for staleness). */
    stopCounting() {
      counting = false;
    },
    summary: () => trafficSummary(times, statuses),
  };
}

/** Requests, 429s, other errors and the busiest window of a recorded stretch. */
export function trafficSummary(times: readonly number[], statuses: readonly number[]) {
  return {
    requests: times.length,
    tooMany: statuses.filter((s) => s === 429).length,
    serverErrors: statuses.filter((s) => s >= 500 || s === 0).length,
    maxInWindow: maxInWindow(times, BURST_WINDOW_MS),
    windowsOverHalf: windowsOver(times, BURST_WINDOW_MS, BURST_MAX / 2),
  };
}

/** The most requests in any window of `windowMs` (times in ascending order). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while (times[first]! <= times[last]! - windowMs) first += 1;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

/** How many requests were sent while more than `limit` had been sent in the last `windowMs`. */
function windowsOver(times: readonly number[], windowMs: number, limit: number): number {
  let over = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while (times[first]! <= times[last]! - windowMs) first += 1;
    if (last - first + 1 > limit) over += 1;
  }
  return over;
}
