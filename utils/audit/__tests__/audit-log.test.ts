import { describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { createCacheDbSource, type CacheDbSource } from '../../db/open-cache-db';
import { isQuotaError } from '../../db/quota';
import type { RequestAttempt } from '../../ghl/send-once';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { createAuditLog } from '../audit-log';

const SAM = 'sbxContSamLee0000001';
const DAY = 24 * 60 * 60_000;
let dbCount = 0;

function setup(db: CacheDbSource = createCacheDbSource(`audit-test-${(dbCount += 1)}`)) {
  const fake = createFakeClock();
  const problems: unknown[] = [];
  const log = createAuditLog({ db, clock: fake.clock, onProblem: (e) => void problems.push(e) });
  return { fake, db, log, problems };
}

function attempt(at: number, overrides: Partial<RequestAttempt> = {}): RequestAttempt {
  return {
    at,
    operation: 'get-contact',
    method: 'GET',
    params: { contactId: SAM },
    priority: 'user',
    status: 200,
    durationMs: 12,
    ...overrides,
  };
}

const stored = async (db: CacheDbSource) => (await db.get()).getAll('audit');

describe('the audit log', () => {
  it('holds an entry for every request of the run and no token', async () => {
    const { fake, log } = setup();
    const sandbox = createSandbox({ clock: fake.clock });
    const { client } = sandboxClient(sandbox, { clock: fake.clock, onAttempt: log.record });
    await fake.run(client.contacts.list({ locationId: SANDBOX_LOCATION.id, limit: 5 }));
    sandbox.state.faults.arm({ rateLimitStorm: { durationMs: 1, retryAfterSeconds: 1 } });
    await fake.run(client.contacts.get(SAM, { priority: 'background' }));
    sandbox.state.faults.arm({ failNext: { count: 1, status: 502 } });
    await fake.run(client.tasks.list(SAM, { priority: 'background' }));
    await fake.run(client.notes.create(SAM, { body: 'Met on the call' }));

    const entries = await log.list();
    expect(entries).toHaveLength(sandbox.state.counters.total);
    expect(entries.map((e) => `${e.operation} ${e.result} ${e.startedBy}`).reverse()).toEqual([
      'get-contacts 200 person',
      'get-contact 429 sync',
      'get-contact 200 sync',
      'get-all-tasks 502 sync',
      'get-all-tasks 200 sync',
      'create-note 201 person',
    ]);
    const serialized = JSON.stringify(entries);
    expect(serialized).not.toContain(SANDBOX_TOKENS.readWrite);
    expect(serialized).not.toContain('Met on the call');
  });

  it('writes what was recorded together, a moment later, in one transaction', async () => {
    const { fake, db, log } = setup();
    const database = await db.get();
    const transaction = vi.spyOn(database, 'transaction');
    for (let i = 0; i < 3; i += 1) log.record(attempt(fake.now() + i));
    expect(await stored(db)).toHaveLength(0);
    await fake.advance(50);
    expect(await stored(db)).toHaveLength(3);
    expect(transaction.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(1);
  });

  it('maps the attempt to an entry: record, contact, who started it, result', async () => {
    const { fake, log } = setup();
    const at = fake.now();
    log.record(
      attempt(at, { params: { contactId: SAM, taskId: 'task1' }, priority: 'background' }),
    );
    log.record(attempt(at + 1, { status: undefined, error: 'timeout', durationMs: 20_000 }));
    await log.flush();
    expect(await log.list()).toEqual([
      expect.objectContaining({ at: at + 1, result: 'timeout', durationMs: 20_000 }),
      {
        id: expect.any(Number),
        at,
        operation: 'get-contact',
        method: 'GET',
        recordId: 'task1',
        contactId: SAM,
        startedBy: 'sync',
        result: '200',
        durationMs: 12,
      },
    ]);
  });

  it('lists newest first, up to the limit, including entries not written yet', async () => {
    const { fake, log } = setup();
    const at = fake.now();
    for (const offset of [3, 1, 2]) log.record(attempt(at + offset, { operation: `op${offset}` }));
    expect((await log.list()).map((e) => e.operation)).toEqual(['op3', 'op2', 'op1']);
    expect((await log.list({ limit: 2 })).map((e) => e.operation)).toEqual(['op3', 'op2']);
  });

  it('prunes what is older than the retention period, then the oldest beyond the cap', async () => {
    const { fake, db, log } = setup();
    const now = fake.now();
    for (const age of [40 * DAY, 30 * DAY + 1, 30 * DAY, 2 * DAY, DAY, 0]) {
      log.record(attempt(now - age));
    }
    expect(await log.prune({ retentionDays: 30 })).toBe(2);
    expect((await stored(db)).map((e) => now - e.at)).toEqual([30 * DAY, 2 * DAY, DAY, 0]);
    expect(await log.prune({ retentionDays: 30, maxEntries: 2 })).toBe(2);
    expect((await stored(db)).map((e) => now - e.at)).toEqual([DAY, 0]);
  });

  it('reports a batch the browser refused to store, and keeps recording', async () => {
    const real = createCacheDbSource(`audit-test-${(dbCount += 1)}`);
    let full = true;
    const db: CacheDbSource = {
      get: () =>
        full ? Promise.reject(new DOMException('quota reached', 'QuotaExceededError')) : real.get(),
      close: real.close,
    };
    const { fake, log, problems } = setup(db);
    log.record(attempt(fake.now()));
    await fake.advance(50);
    expect(problems).toHaveLength(1);
    expect(isQuotaError(problems[0])).toBe(true);
    full = false;
    log.record(attempt(fake.now()));
    expect(await log.list()).toHaveLength(1);
  });
});
