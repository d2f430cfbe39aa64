import { afterEach, describe, expect, it, vi } from 'vitest';
import { GhlError } from '../../ghl/ghl-error';
import { SYNC_LEASE_KEY } from '../sync-lease';
import { listRuns } from '../sync-runs';
import { JANE, SAM, syncUnderTest, type SyncHarness } from './sync-harness';

const SECOND = 1000;
const MINUTE = 60_000;

/**
 * The Web Locks API as a browser gives it to one extension: a lock is held while its callback
 * runs, and `ifAvailable` answers null when it is held. A worker that died holds nothing.
 */
function fakeWebLocks() {
  const held = new Set<string>();
  return {
    async request(
      name: string,
      _options: { ifAvailable: boolean },
      callback: (lock: { name: string } | null) => Promise<unknown>,
    ) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

/** A lease as a worker writes it on its last renewal, `ago` ms before now, for 2 minutes. */
async function leaseLeftBy(h: SyncHarness, owner: string, ago = 0) {
  const renewedAt = h.fake.now() - ago;
  const lease = { owner, renewedAt, expiresAt: renewedAt + 2 * MINUTE };
  await (await h.db.get()).put('meta', lease, SYNC_LEASE_KEY);
}

describe('sync engine: recovering from a dead worker and failing contacts', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a dead worker’s lease does not hold up the next worker that gets the Web Lock', async () => {
    vi.stubGlobal('navigator', { locks: fakeWebLocks() });
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    await h.link('t-2', SAM);
    await leaseLeftBy(h, 'dead-worker');
    expect(await h.run()).toMatchObject({ outcome: 'ok', contactsChecked: 2 });
    expect(await (await h.db.get()).get('meta', SYNC_LEASE_KEY)).toBeUndefined();
  });

  it('without Web Locks, another owner’s lease blocks runs until it expires', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    await leaseLeftBy(h, 'engine-2');
    expect((await h.run()).outcome).toBe('skipped');
    await h.fake.advance(2 * MINUTE);
    expect(await h.run()).toMatchObject({ outcome: 'ok', contactsChecked: 1 });
  });

  it('the status says running only while the lease is being renewed', async () => {
    const h = syncUnderTest();
    await leaseLeftBy(h, 'engine-2');
    expect((await h.engine.status()).running).toBe(true);
    await h.fake.advance(31 * SECOND);
    expect((await h.engine.status()).running).toBe(false);
  });

  it('a failing contact is retried after a growing delay and does not hold the first sync', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    await h.link('t-2', SAM);
    let broken = true;
    let tick = 0;
    const tried: number[] = [];
    // Notes are read contact by contact whether or not the rest came from a bulk read.
    const list = h.client.notes.list;
    h.client.notes.list = (id, options) => {
      if (id !== SAM) return list(id, options);
      tried.push(tick);
      if (!broken) return list(id, options);
      return Promise.reject(new GhlError('server', 'GET /contacts/:contactId/notes'));
    };
    expect((await h.run()).errors).toMatchObject([{ contactId: SAM, kind: 'server' }]);
    let status = await h.engine.status();
    expect(status.firstSync).toBeUndefined();
    expect(status.failing).toBe(1);

    for (tick = 1; tick <= 20; tick += 1) {
      await h.fake.advance(30 * SECOND);
      await h.run();
    }
    // Ticks are 30 s apart: retried after 1, 2 and 4 minutes.
    expect(tried).toEqual([0, 2, 6, 14]);
    expect(await listRuns(await h.db.get())).toHaveLength(4);

    broken = false;
    expect(await h.drive(h.engine.run('sync-now'))).toMatchObject({ outcome: 'ok' });
    status = await h.engine.status();
    expect(status.failing).toBeUndefined();
    expect(status.nextRunAt).toBeGreaterThan(h.fake.now() + 50 * MINUTE);
  });
});
