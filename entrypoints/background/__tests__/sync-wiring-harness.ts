import { afterEach, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createFakeClock } from '@/test/support/fake-clock';
import type { Outbox } from '@/utils/outbox/outbox';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '@/sandbox/sandbox-fixtures';
import { createSandboxFetch } from '@/sandbox/sandbox-fetch';
import { createSandbox } from '@/sandbox/sandbox-handler';
import { sandboxGhlOf } from '@/sandbox/sandbox-ghl';
import type { TranscriptChange } from '@/utils/sync/contact-sync';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '@/utils/storage/sync-settings';
import { drive } from '@/utils/sync/__tests__/sync-harness';
import { createBackgroundHandlers } from '../background-handlers';
import { createBackground } from '../create-background';
import { sandboxControl } from '../../../test/support/sandbox-control';

/** Seeded Sandbox contacts. */
export const JANE = 'sbxContJaneDoe000002';
export const SAM = 'sbxContSamLee0000001';
export const LOCATION = SANDBOX_LOCATION.id;

const open: Outbox[] = [];
afterEach(async () => {
  // An outbox left waking itself on a dead fake clock would hold the outbox lock for the next test.
  await Promise.all(open.splice(0).map((outbox) => outbox.close()));
});

let dbCount = 0;

/** A contact as the Sandbox GHL has it now. */
interface InGhl {
  contact: Record<string, unknown>;
  tasks: { id: string; title: string; completed: boolean }[];
  notes: { id: string; body: string }[];
}

/**
 * The background as index.ts builds it (createBackground), on WXT's fake browser and a fake clock
 * (26 Nov 2026 12:00 UTC): a real connection service (credential store on fake-indexeddb, the
 * in-process Sandbox as GHL), the audit log, transcript store, outbox with its effects and sync
 * engine over one fresh cache database. `tell` and `notice` record what panels and notifications
 * would be shown; `hold` stops every GHL request until released. `handlers` answer the messages.
 */
export function backgroundUnderTest(
  options: {
    settings?: Partial<SyncSettings>;
    /** The Sandbox bundle cannot be loaded (as when the built file is missing). */
    sandboxFailsToLoad?: boolean;
  } = {},
) {
  const fake = createFakeClock();
  const { clock } = fake;
  const sandbox = createSandbox({ clock });
  const sandboxFetch = createSandboxFetch(sandbox);
  let held: Promise<void> | undefined;
  const network: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    await held;
    return sandboxFetch(request);
  };
  const n = (dbCount += 1);

  const told: TranscriptChange[] = [];
  const tellWaiters: (() => void)[] = [];
  const tell = vi.fn(async (change: TranscriptChange) => {
    told.push(change);
    for (const wake of tellWaiters.splice(0)) wake();
  });
  const notice = vi.fn(async (_kind: string, _message: string) => undefined);
  // Settings given are the background's; otherwise it reads the stored ones (the fake storage).
  const settings = options.settings && {
    settings: async (): Promise<SyncSettings> => ({
      ...DEFAULT_SYNC_SETTINGS,
      ...options.settings,
    }),
  };
  const background = createBackground({
    browser,
    fetch: network,
    clock,
    sandbox: async () => {
      if (options.sandboxFailsToLoad) throw new Error('sandbox-ghl.js could not be loaded');
      return sandboxGhlOf(sandbox, network);
    },
    dbName: `background-sync-${n}`,
    credentialsDbName: `background-credentials-${n}`,
    // No Trint tab is open; what they would be told is recorded.
    tabs: {
      openTranscriptIds: async () => [],
      tell: (change) => tell(change as TranscriptChange),
      tellAll: async () => {},
      commandPanel: async () => {},
    },
    notice,
    ...settings,
    timeZone: 'UTC',
    random: () => 0.5,
    owner: 'engine-1',
  });
  const { db, connection, auditLog, transcripts, outbox, engine } = background;
  open.push(outbox);
  /** The handlers as a background start makes them (what each tab was shown is in storage). */
  const startHandlers = () => createBackgroundHandlers(background.handlerDeps).handlers;
  const handlers = background.handlers;

  /** Runs fake time until `promise` settles. */
  const run = <T>(promise: Promise<T>) => drive(fake, promise);

  /** The Sandbox's control API, as a person working in GHL would use it. */
  const control = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
    sandboxControl<T>(sandbox, path, body, method);

  return {
    fake,
    sandbox,
    db,
    connection,
    auditLog,
    transcripts,
    outbox,
    engine,
    handlers,
    /** New handlers, as after the service worker stopped and woke again. */
    restartHandlers: startHandlers,
    tell,
    told,
    notice,
    run,
    control,
    /** Connects with a Private Integration token of the Sandbox location. */
    async connect(token: string = SANDBOX_TOKENS.readWrite) {
      const status = await run(connection.connectPrivateToken({ token, locationId: LOCATION }));
      // The first sync a new connection starts, and the statuses it publishes.
      await run(background.idle());
      return status;
    },
    /** A contact as GHL has it now, with its tasks and notes. */
    inGhl: (contactId: string) => control<InGhl>('GET', `contacts/${contactId}`),
    /** How many requests GHL answered for an endpoint, e.g. "GET /contacts/:contactId". */
    count: (endpoint: string) => sandbox.state.counters.byEndpoint[endpoint] ?? 0,
    /** Holds every GHL request until the returned function is called. */
    hold() {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
    /** Resolves at the next `tell`. */
    nextTell: () => new Promise<void>((resolve) => tellWaiters.push(resolve)),
    /** Runs the outbox until nothing is due, then waits for the effects of what it did. */
    async settle() {
      for (let round = 0; round < 200; round += 1) {
        await run(outbox.process());
        const at = await outbox.nextWakeAt();
        if (at === undefined) break;
        await fake.advance(Math.max(0, at - fake.now()));
      }
      await run(background.idle());
    },
  };
}

/** See {@link backgroundUnderTest}. */
export type BackgroundUnderTest = ReturnType<typeof backgroundUnderTest>;
