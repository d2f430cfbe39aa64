import { afterEach } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import type { ConnectionStatus } from '../../auth/connection-status';
import { createCacheDbSource, type CacheDbSource } from '../../db/open-cache-db';
import { GHL_API_BASE } from '../../ghl/api-constants';
import type { GhlClient } from '../../ghl/ghl-client';
import { GhlError } from '../../ghl/ghl-error';
import type { FaultsInput } from '../../../sandbox/faults';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import { createSandboxFetch } from '../../../sandbox/sandbox-fetch';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { createOutbox, type Outbox, type OutboxConnection, type OutboxDeps } from '../outbox';
import type { OutboxEventMap } from '../outbox-events';

/** Listeners a test hands the outbox it builds, each subscribed to its event. */
export interface OutboxListeners {
  onChange?: (...args: OutboxEventMap['changed']) => void;
  onApplied?: (...args: OutboxEventMap['applied']) => void | Promise<void>;
  onPermanentFailure?: (...args: OutboxEventMap['failed']) => void;
  onProblem?: (...args: OutboxEventMap['problem']) => void;
}

/** An outbox with a test's listeners subscribed (as the background subscribes its own). */
export function outboxWith(deps: OutboxDeps & OutboxListeners): Outbox {
  const { onChange, onApplied, onPermanentFailure, onProblem, ...rest } = deps;
  const outbox = createOutbox(rest);
  if (onChange) outbox.on('changed', onChange);
  if (onApplied) outbox.on('applied', onApplied);
  if (onPermanentFailure) outbox.on('failed', onPermanentFailure);
  if (onProblem) outbox.on('problem', onProblem);
  return outbox;
}

/** Seeded Sandbox contacts the tests write to. */
export const SAM = 'sbxContSamLee0000001';
export const LOC = SANDBOX_LOCATION.id;
export const DUE = '2026-12-01T09:00:00.000Z';

const open: Outbox[] = [];
afterEach(async () => {
  // A run left waiting on a dead fake clock would hold the outbox lock for the next test.
  await Promise.all(open.splice(0).map((outbox) => outbox.close()));
});

let dbCount = 0;

/**
 * Runs a promise on a fake clock until it settles. fake.run gives up when no timer is pending,
 * but fake-indexeddb's real callbacks may still be running: those get more time.
 */
export async function runOn<T>(fake: FakeClock, promise: Promise<T>): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await fake.run(promise);
    } catch (error) {
      if (tries > 500 || !/waits for nothing/.test((error as Error).message)) throw error;
    }
  }
}

/** Runs the outbox until nothing is due, moving the fake clock over every backoff. */
export async function settleOn(fake: FakeClock, outbox: Outbox) {
  for (let round = 0; round < 200; round += 1) {
    await runOn(fake, outbox.process());
    const at = await outbox.nextWakeAt();
    if (at === undefined) return;
    await fake.advance(Math.max(0, at - fake.now()));
  }
  throw new Error('The outbox did not settle');
}

/** A connected status for a location, as the connection service publishes it. */
export function connected(locationId: string = LOC): ConnectionStatus {
  return {
    state: 'connected',
    kind: 'pit',
    locationId,
    scopes: ['contacts.readonly', 'contacts.write'],
    canWrite: true,
    since: 0,
  };
}

/** The status after GHL stopped accepting the token. */
export function needsReconnect(reconnectReason?: string): ConnectionStatus {
  return {
    state: 'reconnect-needed',
    kind: 'pit',
    locationId: LOC,
    scopes: ['contacts.readonly', 'contacts.write'],
    canWrite: true,
    since: 0,
    reconnectReason,
  };
}

/**
 * An outbox over the in-process Sandbox GHL on a fake clock, a fresh fake-indexeddb cache
 * database, and a fake connection whose state the test sets (`setStatus` tells the listeners, as
 * the connection service does). `hooks.onRequest` sees every GHL request and may hold it.
 */
export function outboxUnderTest() {
  const fake = createFakeClock();
  const sandbox = createSandbox({ clock: fake.clock });
  const dbName = `outbox-test-${(dbCount += 1)}`;
  const sandboxFetch = createSandboxFetch(sandbox);
  const requests: string[] = [];
  const hooks: {
    /** Runs when a request reaches GHL; `answer` is GHL's answer, awaited only if returned. */
    onRequest?: (name: string, answer: () => Promise<Response>) => Promise<Response> | undefined;
  } = {};
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const name = `${request.method} ${new URL(request.url).pathname}`;
    requests.push(name);
    const answer = () => sandboxFetch(request);
    return (await hooks.onRequest?.(name, answer)) ?? answer();
  };
  // One client per token, as the connection hands out one per credential.
  const clients = new Map<string, GhlClient>();
  let token: string = SANDBOX_TOKENS.readWrite;
  const clientFor = (t: string) => {
    if (!clients.has(t))
      clients.set(t, sandboxClient(sandbox, { clock: fake.clock, fetch, token: t }).client);
    return clients.get(t)!;
  };

  let status: ConnectionStatus = connected();
  const listeners = new Set<(status: ConnectionStatus) => void>();
  const connection: OutboxConnection = {
    async status() {
      return status;
    },
    async client() {
      if (status.state !== 'connected') {
        throw new GhlError('reconnect-needed', 'connection', { detail: 'Connect again.' });
      }
      const current = token;
      return {
        credentialId: current,
        locationId: status.locationId,
        ghl: clientFor(current),
        tokens: { getAccessToken: async () => current },
      };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  /** The Sandbox's control API. */
  async function control(method: string, path: string, body?: unknown) {
    const response = await sandbox.handle(
      new Request(`${GHL_API_BASE}/__sandbox/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`control ${path}: ${response.status}`);
    return json;
  }

  const run = <T>(promise: Promise<T>) => runOn(fake, promise);

  const harness = {
    fake,
    sandbox,
    dbName,
    requests,
    hooks,
    connection,
    control,
    run,
    /** A new database connection and outbox on the same database: a restarted worker. */
    outbox(
      deps: Partial<OutboxDeps> & OutboxListeners = {},
      db: CacheDbSource = createCacheDbSource(dbName),
    ) {
      const outbox = outboxWith({
        db,
        connection,
        clock: fake.clock,
        random: () => 0.5,
        ...deps,
      });
      open.push(outbox);
      return outbox;
    },
    /** The token the connection's client sends from now on (e.g. a read-only one). */
    setToken(next: string) {
      token = next;
    },
    /** Sets the connection state and tells the listeners. */
    setStatus(next: ConnectionStatus) {
      status = next;
      for (const listener of listeners) listener(next);
    },
    /** Arms Sandbox faults for the next requests. */
    faults: (input: FaultsInput) => control('POST', 'faults', input),
    /** A contact as GHL has it now, with its tasks and notes. */
    async inGhl(contactId: string) {
      return (await control('GET', `contacts/${contactId}`)) as {
        contact: Record<string, unknown>;
        tasks: { id: string; title: string; completed: boolean; dueDate: string }[];
        notes: { id: string; body: string; title: string | null }[];
      };
    },
    /** How many requests GHL answered for an operation, e.g. "POST /contacts/:contactId/tasks". */
    count: (endpoint: string) => sandbox.state.counters.byEndpoint[endpoint] ?? 0,
    /** Runs the outbox until nothing is due, moving the fake clock over every backoff. */
    settle: (outbox: Outbox) => settleOn(fake, outbox),
  };
  return harness;
}

/** See {@link outboxUnderTest}. */
export type OutboxUnderTest = ReturnType<typeof outboxUnderTest>;
