import { afterEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createFakeClock } from '@/test/support/fake-clock';
import { createAuditLog } from '@/utils/audit/audit-log';
import { createConnectionService } from '@/utils/auth/connection-service';
import { createCredentialStore } from '@/utils/auth/credential-store';
import { createCacheDbSource } from '@/utils/db/open-cache-db';
import { createRateLimiter, type RateLimiter } from '@/utils/ghl/rate-limiter';
import { createOutbox, type Outbox } from '@/utils/outbox/outbox';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '@/sandbox/sandbox-fixtures';
import { createSandboxFetch } from '@/sandbox/sandbox-fetch';
import { createSandbox } from '@/sandbox/sandbox-handler';
import type { TranscriptChange } from '@/utils/sync/contact-sync';
import { createSyncEngine } from '@/utils/sync/sync-engine';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '@/utils/sync/sync-settings';
import { createTranscriptStore } from '@/utils/transcripts/transcript-store';
import { drive } from '@/utils/sync/__tests__/sync-harness';
import { createContactHandlers } from '../contact-handlers';
import { createOutboxEffects } from '../outbox-effects';
import { createSearchBudget } from '../search-budget';
import { createShownContacts } from '../shown-contacts';
import { createSyncHandlers } from '../sync-handlers';
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
 * The background's sync wiring as index.ts builds it: a real connection service (credential store
 * on fake-indexeddb, the in-process Sandbox as GHL), the audit log, transcript store, outbox with
 * its effects and sync engine over one fresh cache database, on a fake clock (26 Nov 2026 12:00
 * UTC). `tell` and `notice` record what panels and notifications would be shown; `hold` stops
 * every GHL request until released. `handlers` answer the sync and the contact messages.
 */
export function backgroundUnderTest(options: { settings?: Partial<SyncSettings> } = {}) {
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
  const db = createCacheDbSource(`background-sync-${n}`);
  const limiters = new Map<string, RateLimiter>();
  const limiterFor = (locationId: string) => {
    let limiter = limiters.get(locationId);
    if (!limiter) limiters.set(locationId, (limiter = createRateLimiter({ clock })));
    return limiter;
  };
  const auditLog = createAuditLog({ db, clock, onProblem: () => {} });
  const connection = createConnectionService({
    store: createCredentialStore(`background-credentials-${n}`),
    clock,
    fetchFor: () => network,
    limiterFor,
    authorize: () => Promise.reject(new Error('No OAuth in these tests.')),
    redirectUri: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    publish: async () => {},
    notifyReconnectNeeded: async () => {},
    wipeCache: async () => {},
    audit: (attempt) => auditLog.record(attempt),
  });

  const told: TranscriptChange[] = [];
  const tellWaiters: (() => void)[] = [];
  const tell = vi.fn(async (change: TranscriptChange) => {
    told.push(change);
    for (const wake of tellWaiters.splice(0)) wake();
  });
  const notice = vi.fn(async (_kind: string, _message: string) => undefined);
  const transcripts = createTranscriptStore({ db, clock, timeZone: 'UTC' });
  const effects = createOutboxEffects({
    db,
    transcripts,
    now: () => fake.now(),
    tell,
    notice,
    timeZone: 'UTC',
  });
  // The background fires the failure notice without waiting; kept here so a test can wait for
  // it. What follows an applied write the outbox itself awaits.
  const effectRuns: Promise<void>[] = [];
  const outbox = createOutbox({ db, connection, clock, random: () => 0.5 });
  outbox.on('failed', (job) => void effectRuns.push(effects.failed(job)));
  outbox.on('applied', (job, result, completed) => effects.applied(job, result, completed));
  open.push(outbox);
  const settings = async (): Promise<SyncSettings> => ({
    ...DEFAULT_SYNC_SETTINGS,
    ...options.settings,
  });
  const engine = createSyncEngine({
    db,
    connection,
    clock,
    settings,
    openTranscriptIds: async () => [],
    onTranscriptChanged: tell,
    outboxSummary: () => outbox.summary(),
    limiterFor,
    timeZone: 'UTC',
    owner: 'engine-1',
  });
  /**
   * The handlers as a background start makes them: what each tab was shown lives in the (fake)
   * storage.session, the search budgets in memory.
   */
  const startHandlers = () => {
    const shown = createShownContacts({ storage: fakeBrowser.storage.session, clock });
    const searchBudget = createSearchBudget({ clock });
    return {
      ...createSyncHandlers({
        connection,
        engine,
        outbox,
        transcripts,
        auditLog,
        tell,
        settings,
        shown,
      }),
      ...createContactHandlers({ connection, db, transcripts, clock, shown, searchBudget }),
    };
  };
  const handlers = startHandlers();

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
    connect: (token: string = SANDBOX_TOKENS.readWrite) =>
      run(connection.connectPrivateToken({ token, locationId: LOCATION })),
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
      while (effectRuns.length > 0) await run(Promise.all(effectRuns.splice(0)));
    },
  };
}

/** See {@link backgroundUnderTest}. */
export type BackgroundUnderTest = ReturnType<typeof backgroundUnderTest>;
