// One teammate's extension for benchmarks: the background as the service worker builds it
// (createBackground: connection service, sync engine, transcript store, outbox, GHL client and
// rate limiter), on its own fake-indexeddb databases and WXT's fake browser, connected with a
// Private Integration token to a Sandbox in this process, on a simulated clock. The same factory
// the extension and the unit tests use, without Vitest.
import { browser } from 'wxt/browser';
import { createBackground } from '../../entrypoints/background/create-background';
import { SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE } from '../../utils/ghl/api-constants';
import type { Clock } from '../../utils/clock';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../sandbox/sandbox-fixtures';
import { sandboxGhlAnsweredBy } from '../../sandbox/sandbox-ghl';
import type { TranscriptChange } from '../../utils/sync/contact-sync';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../utils/storage/sync-settings';

export const LOCATION = SANDBOX_LOCATION.id;

let databases = 0;

/** What {@link benchExtension} is built from. */
export interface BenchExtensionOptions {
  /** Answers GHL requests (a Sandbox's fetch, possibly wrapped to observe or break it). */
  fetch: typeof fetch;
  clock: Clock;
  /** This extension's name (database names, lease owner). */
  name: string;
  settings?: Partial<SyncSettings>;
  onTranscriptChanged?: (change: TranscriptChange) => void;
}

/**
 * Builds one extension's background and stores its connection (as a restarted worker finds it:
 * no GHL request is made to connect, so the benchmark's traffic is the sync's and the outbox's).
 */
export async function benchExtension(options: BenchExtensionOptions) {
  const { clock, name } = options;
  const n = (databases += 1);
  const settings: SyncSettings = { ...DEFAULT_SYNC_SETTINGS, ...options.settings };
  const open = new Set<string>();
  const background = createBackground({
    browser,
    fetch: options.fetch,
    clock,
    sandbox: async () => sandboxGhlAnsweredBy(options.fetch),
    dbName: `bench-${name}-${n}`,
    credentialsDbName: `bench-credentials-${name}-${n}`,
    tabs: {
      openTranscriptIds: async () => [...open],
      tell: async (change) => options.onTranscriptChanged?.(change as TranscriptChange),
      tellAll: async () => {},
      commandPanel: async () => {},
    },
    notice: async () => {},
    settings: async () => settings,
    timeZone: 'UTC',
    random: () => 0.5,
    owner: name,
  });
  await background.store.saveConnection({
    credentialId: `bench-credential-${n}`,
    kind: 'pit',
    locationId: LOCATION,
    scopes: [SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE],
    connectedAt: clock.now(),
    credential: { type: 'pit', token: SANDBOX_TOKENS.readWrite },
    health: { state: 'ok' },
  });
  const { engine, transcripts, outbox, db } = background;
  return {
    name,
    engine,
    transcripts,
    outbox,
    /** Transcripts open in a tab (the freshest tier). */
    open,
    link: (transcriptId: string, contactId: string) =>
      transcripts.link(transcriptId, contactId, LOCATION),
    /**
     * Sets when the transcript was last viewed, in the past if need be (markViewed can only say
     * "now"): the day benchmarks' tiers. Written through the background's own connection, so its
     * memory copies of the cache hear of it.
     */
    async viewedAt(transcriptId: string, at: number) {
      const tx = (await db.get()).transaction('transcripts', 'readwrite');
      const record = await tx.store.get(transcriptId);
      if (!record) throw new Error(`No record for ${transcriptId}: link it first`);
      await tx.store.put({ ...record, lastViewedAt: at });
      await tx.done;
    },
  };
}

/** See {@link benchExtension}. */
export type BenchExtension = Awaited<ReturnType<typeof benchExtension>>;
