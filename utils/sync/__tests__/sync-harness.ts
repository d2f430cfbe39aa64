import { createFakeClock, type FakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import type { ConnectionClient } from '../../auth/connection-client';
import { createCacheDbSource } from '../../db/open-cache-db';
import { GhlError } from '../../ghl/ghl-error';
import { defaultMapping } from '../../mapping/default-mapping';
import type { FieldMapping } from '../../mapping/field-mapping';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import type { TranscriptChange } from '../contact-sync';
import { createSyncEngine, type SyncEngineDeps } from '../sync-engine';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../storage/sync-settings';
import type { SyncStatus } from '../../storage/sync-status';
import { createTranscriptStore } from '../../transcripts/transcript-store';
import { sandboxControl } from '../../../test/support/sandbox-control';

/** Seeded Sandbox contacts. */
export const JANE = 'sbxContJaneDoe000002';
export const SAM = 'sbxContSamLee0000001';
export const OMAR = 'sbxContOmarHaddad003';
export const LOCATION = SANDBOX_LOCATION.id;

let dbCount = 0;

/**
 * Runs fake time until `promise` settles. IndexedDB (fake-indexeddb) answers on macrotasks, and a
 * sync chains more of them than the fake clock waits for before it decides nothing can happen:
 * when it says so, let IndexedDB go on and try again.
 */
export async function drive<T>(fake: FakeClock, promise: Promise<T>): Promise<T> {
  // Idle spells in a row: the count starts again whenever simulated time moved on.
  let movedAt = fake.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fake.run(promise);
    } catch (error) {
      const idle = error instanceof Error && error.message.includes('waits for nothing');
      if (fake.now() !== movedAt) [movedAt, attempt] = [fake.now(), 0];
      if (!idle || attempt > 200) throw error;
      for (let i = 0; i < 20; i += 1) await new Promise<void>((r) => setImmediate(r));
    }
  }
}

/**
 * The sync engine as the background builds it, on a fake clock (26 Nov 2026, 12:00 UTC), with a
 * fresh cache database on fake-indexeddb, the in-process Sandbox as GHL, and recording fakes for
 * what the background does with its results (tell panels, publish the status).
 */
export function syncUnderTest(
  options: {
    settings?: Partial<SyncSettings>;
    engine?: Partial<SyncEngineDeps>;
    /** Contacts the Sandbox seeds (60 by default). */
    contacts?: number;
    /** The scopes of the token the client uses (the read-write token's, every scope, by default). */
    scopes?: string[];
  } = {},
) {
  const fake = createFakeClock();
  const arrivals: { at: number; path: string }[] = [];
  const sandbox = createSandbox({
    clock: fake.clock,
    contacts: options.contacts,
    onTraffic: (entry) => arrivals.push({ at: fake.now(), path: entry.path }),
  });
  const token = options.scopes && sandbox.state.auth.mint({ scopes: options.scopes });
  const { client, limiter } = sandboxClient(sandbox, { clock: fake.clock, token });
  const db = createCacheDbSource(`sync-test-${(dbCount += 1)}`);
  const state = {
    settings: { ...DEFAULT_SYNC_SETTINGS, ...options.settings } as SyncSettings,
    /** The live field mapping the runs and views read. */
    mapping: defaultMapping() as FieldMapping,
    open: [] as string[],
    connected: true,
  };
  const connectionClient: ConnectionClient = {
    credentialId: 'cred-1',
    locationId: LOCATION,
    ghl: client,
    tokens: { getAccessToken: async () => SANDBOX_TOKENS.readWrite },
  };
  const changes: TranscriptChange[] = [];
  const statuses: SyncStatus[] = [];
  const deps: SyncEngineDeps = {
    db,
    clock: fake.clock,
    connection: {
      async client() {
        if (!state.connected) throw new GhlError('reconnect-needed', 'connection');
        return connectionClient;
      },
    },
    settings: async () => state.settings,
    mapping: async () => state.mapping,
    openTranscriptIds: async () => state.open,
    onTranscriptChanged: (change) => void changes.push(change),
    onStatus: (status) => void statuses.push(status),
    limiterFor: () => limiter,
    dailyQuota: async () => limiter.dailyQuota(),
    locationSpend: async () => limiter.locationSpend(),
    timeZone: 'UTC',
    owner: 'engine-1',
    ...options.engine,
  };
  const engine = createSyncEngine(deps);
  const transcripts = createTranscriptStore({
    db,
    clock: fake.clock,
    timeZone: 'UTC',
    mapping: async () => state.mapping,
    settings: async () => state.settings,
  });

  /** The Sandbox's control API, as a person working in GHL would use it. */
  const control = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
    sandboxControl<T>(sandbox, path, body, method);

  return {
    fake,
    sandbox,
    arrivals,
    client,
    limiter,
    db,
    state,
    deps,
    engine,
    transcripts,
    changes,
    statuses,
    control,
    /** Runs the engine once, letting the fake clock run until it ends. */
    run: (trigger: 'alarm' | 'sync-now' = 'alarm') => drive(fake, engine.run(trigger)),
    /** Runs fake time until `promise` settles. */
    drive: <T>(promise: Promise<T>) => drive(fake, promise),
    /** Links a transcript to a contact of the Sandbox location. */
    link: (transcriptId: string, contactId: string, contactName?: string) =>
      transcripts.link(transcriptId, contactId, LOCATION, { contactName }),
    view: (transcriptId: string) => transcripts.readView(transcriptId),
  };
}

/** See {@link syncUnderTest}. */
export type SyncHarness = ReturnType<typeof syncUnderTest>;
