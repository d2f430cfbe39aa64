import type { Clock } from '../utils/clock';
import { createFaults } from './faults';
import { createOAuthCodes } from './oauth-codes';
import { createRateBuckets, type SandboxRateLimits } from './rate-buckets';
import { createSandboxAuth } from './sandbox-auth';
import type { SandboxData } from './sandbox-records';
import { createSearchLag } from './search-lag';
import { seedSandboxData } from './seed-data';
import { sandboxId } from './seeded-random';

/** How a Sandbox starts. */
export interface SandboxOptions {
  clock: Clock;
  /** Seeded contacts (the size knob for benchmarks). Default 60. */
  contacts?: number;
  seed?: number;
  /** Lifetime of OAuth access tokens. Default 86399 s, as GHL. */
  tokenTtlSeconds?: number;
  rateLimits?: Partial<SandboxRateLimits>;
  /** How long a new contact stays invisible to search (search-lag.ts). Default 3 s, as GHL. */
  searchLagMs?: number;
  /** Start from these records instead of seeding (a restarted worker's saved Sandbox). */
  saved?: SandboxContents;
}

/** What must outlive the Sandbox's process: its records and the counter behind new ids. */
export interface SandboxContents {
  data: SandboxData;
  /** Ids already handed out by `newId`; a restored Sandbox goes on from here, so none repeats. */
  idCounter: number;
}

/** Requests counted per operation, per token label and per status. */
export interface SandboxCounters {
  total: number;
  byEndpoint: Record<string, number>;
  byToken: Record<string, number>;
  byStatus: Record<string, number>;
}

/** Everything a Sandbox knows; routes read and change it. */
export function createSandboxState(options: SandboxOptions) {
  const { clock } = options;
  const settings = { tokenTtlSeconds: options.tokenTtlSeconds ?? 86_399 };
  let idCounter = options.saved?.idCounter ?? 0;
  const state = {
    clock,
    settings,
    data: options.saved?.data ?? seed(options.contacts, options.seed),
    auth: createSandboxAuth(clock),
    oauthCodes: createOAuthCodes(clock),
    buckets: createRateBuckets(clock, options.rateLimits),
    faults: createFaults(clock),
    searchLag: createSearchLag(clock, options.searchLagMs),
    counters: emptyCounters(),
    /** A fresh GHL-shaped id for a new record. */
    newId(prefix: string): string {
      idCounter += 1;
      return sandboxId(prefix, 1_000_000 + idCounter);
    },
    /** The records and id counter, for saving them (extension-sandbox.ts). */
    contents: (): SandboxContents => ({ data: state.data, idCounter }),
    /** Back to the seeded data (optionally another size or seed); tokens and limits stay. */
    reset(changes: { contacts?: number; seed?: number } = {}) {
      state.data = seed(changes.contacts ?? options.contacts, changes.seed ?? options.seed);
      state.counters = emptyCounters();
      state.faults.clear();
      state.searchLag.clear();
    },
    /** Removes a contact with its tasks, notes and appointments, as GHL does. */
    deleteContact(id: string) {
      const { data } = state;
      data.contacts.delete(id);
      for (const map of [data.tasks, data.notes, data.appointments]) {
        for (const [recordId, record] of map) if (record.contactId === id) map.delete(recordId);
      }
    },
    resetCounters() {
      state.counters = emptyCounters();
    },
    /** Counts one GHL request. */
    count(endpoint: string, tokenLabel: string, status: number) {
      const c = state.counters;
      c.total += 1;
      c.byEndpoint[endpoint] = (c.byEndpoint[endpoint] ?? 0) + 1;
      c.byToken[tokenLabel] = (c.byToken[tokenLabel] ?? 0) + 1;
      c.byStatus[status] = (c.byStatus[status] ?? 0) + 1;
    },
    /** "Now" as GHL writes it in records. */
    isoNow: () => new Date(clock.now()).toISOString(),
  };

  function seed(contacts?: number, seedValue?: number): SandboxData {
    return seedSandboxData({ contacts, seed: seedValue, now: clock.now() });
  }
  return state;
}

function emptyCounters(): SandboxCounters {
  return { total: 0, byEndpoint: {}, byToken: {}, byStatus: {} };
}

/** See {@link createSandboxState}. */
export type SandboxState = ReturnType<typeof createSandboxState>;
