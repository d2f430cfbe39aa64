// One teammate's extension as the background wires it, for benchmarks: the real sync engine,
// transcript store, GHL client, rate limiter and (optionally) outbox, on its own fake-indexeddb
// database, talking to a Sandbox in this process on a simulated clock. The same pieces the unit
// tests' harnesses build (utils/sync/__tests__/sync-harness.ts, outbox-harness.ts), without
// Vitest.
import type { ConnectionStatus } from '../../utils/auth/connection-status';
import type { Clock } from '../../utils/clock';
import { createCacheDbSource } from '../../utils/db/open-cache-db';
import { createGhlClient } from '../../utils/ghl/ghl-client';
import { createRateLimiter } from '../../utils/ghl/rate-limiter';
import { createOutbox, type OutboxConnection } from '../../utils/outbox/outbox';
import type { OutboxEventMap } from '../../utils/outbox/outbox-events';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../sandbox/sandbox-fixtures';
import type { TranscriptChange } from '../../utils/sync/contact-sync';
import { createSyncEngine, type SyncEngineDeps } from '../../utils/sync/sync-engine';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../utils/sync/sync-settings';
import { createTranscriptStore } from '../../utils/transcripts/transcript-store';

export const LOCATION = SANDBOX_LOCATION.id;

let databases = 0;

/** What {@link benchExtension} is built from. */
export interface BenchExtensionOptions {
  /** Answers GHL requests (a Sandbox's fetch, possibly wrapped to observe or break it). */
  fetch: typeof fetch;
  clock: Clock;
  /** This extension's name (database name, lease owner). */
  name: string;
  settings?: Partial<SyncSettings>;
  onTranscriptChanged?: (change: TranscriptChange) => void;
  outbox?:
    | {
        onApplied?: (...args: OutboxEventMap['applied']) => void | Promise<void>;
        onPermanentFailure?: (...args: OutboxEventMap['failed']) => void;
      }
    | boolean;
}

/** Builds one extension's background pieces; see the file comment. */
export function benchExtension(options: BenchExtensionOptions) {
  const { clock } = options;
  const limiter = createRateLimiter({ clock });
  const ghl = createGhlClient({
    fetch: options.fetch,
    tokens: { getAccessToken: async () => SANDBOX_TOKENS.readWrite },
    clock,
    limiter,
    random: () => 0.5,
  });
  const db = createCacheDbSource(`bench-${options.name}-${(databases += 1)}`);
  const settings: SyncSettings = { ...DEFAULT_SYNC_SETTINGS, ...options.settings };
  const open = new Set<string>();
  const client = {
    credentialId: 'bench-credential',
    locationId: LOCATION,
    ghl,
    tokens: { getAccessToken: async () => SANDBOX_TOKENS.readWrite },
  };
  const deps: SyncEngineDeps = {
    db,
    clock,
    connection: { client: async () => client },
    settings: async () => settings,
    openTranscriptIds: async () => [...open],
    onTranscriptChanged: options.onTranscriptChanged,
    limiterFor: () => limiter,
    timeZone: 'UTC',
    owner: options.name,
  };
  const engine = createSyncEngine(deps);
  const transcripts = createTranscriptStore({
    db,
    clock,
    timeZone: 'UTC',
    settings: async () => settings,
  });

  const status: ConnectionStatus = {
    state: 'connected',
    kind: 'pit',
    locationId: LOCATION,
    scopes: ['contacts.readonly', 'contacts.write'],
    canWrite: true,
    since: 0,
  };
  const connection: OutboxConnection = {
    status: async () => status,
    client: async () => client,
    onChange: () => () => true,
  };
  const outbox = options.outbox
    ? createOutbox({ db, connection, clock, random: () => 0.5 })
    : undefined;
  const listeners = typeof options.outbox === 'object' ? options.outbox : {};
  if (outbox && listeners.onApplied) outbox.on('applied', listeners.onApplied);
  if (outbox && listeners.onPermanentFailure) outbox.on('failed', listeners.onPermanentFailure);

  return {
    name: options.name,
    db,
    limiter,
    ghl,
    engine,
    transcripts,
    outbox,
    /** Transcripts open in a tab (the freshest tier). */
    open,
    link: (transcriptId: string, contactId: string) =>
      transcripts.link(transcriptId, contactId, LOCATION),
  };
}

/** See {@link benchExtension}. */
export type BenchExtension = ReturnType<typeof benchExtension>;
