import { describe, expect, it } from 'vitest';
import { connectionUnderTest } from '../../auth/__tests__/connection-harness';
import { NO_WRITE_SCOPE_REASON } from '../../auth/connection-status';
import { createCacheDbSource } from '../../db/open-cache-db';
import { SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import { createOutbox } from '../outbox';
import type { OutboxOperation } from '../../messaging/write-schemas';
import { DUE, LOC, runOn, SAM, settleOn } from './outbox-harness';

// The outbox with the real connection service (credential store, health tracking, the Sandbox
// GHL behind it), as the background wires them.

const TASK = 'sbxTask000000000000D';
const WRITES: OutboxOperation[] = [
  {
    kind: 'task.create',
    contactId: SAM,
    body: { title: 'Book demo', dueDate: DUE, completed: false },
  },
  { kind: 'note.create', contactId: SAM, body: { body: 'Wants a call on Monday.' } },
  { kind: 'task.complete', contactId: SAM, taskId: TASK, completed: true },
];
let dbCount = 0;

function setUp() {
  const h = connectionUnderTest();
  const outbox = createOutbox({
    db: createCacheDbSource(`outbox-connection-${(dbCount += 1)}`),
    connection: h.service,
    clock: h.fake.clock,
    random: () => 0.5,
  });
  const run = <T>(promise: Promise<T>) => runOn(h.fake, promise);
  /** What GHL has of the three writes. */
  async function inGhl() {
    const sam = (await h.control('GET', `contacts/${SAM}`)) as {
      tasks: { id: string; title: string; completed: boolean }[];
      notes: { body: string }[];
    };
    return {
      demos: sam.tasks.filter((t) => t.title === 'Book demo').length,
      notes: sam.notes.filter((n) => n.body === 'Wants a call on Monday.').length,
      completed: sam.tasks.find((t) => t.id === TASK)?.completed,
    };
  }
  return { h, outbox, run, inGhl, settle: () => settleOn(h.fake, outbox) };
}

describe('the outbox and the connection', () => {
  it('holds writes while the token is revoked; after reconnecting each reaches GHL once', async () => {
    const { h, outbox, run, inGhl, settle } = setUp();
    const token = await h.mint({ locationId: LOC });
    await run(h.service.connectPrivateToken({ token, locationId: LOC }));
    await h.revoke(token);

    for (const write of WRITES) await run(outbox.enqueue(write));
    await settle();
    expect(await h.service.status()).toMatchObject({ state: 'reconnect-needed' });
    expect(await outbox.summary()).toEqual({ pending: 0, waiting: 3, failed: 0 });
    expect(await inGhl()).toEqual({ demos: 0, notes: 0, completed: false });

    // "Replace token": the service tells its listeners, the outbox among them.
    const rotated = await h.mint({ locationId: LOC });
    await run(h.service.replacePrivateToken({ token: rotated }));
    await settle();
    expect(await inGhl()).toEqual({ demos: 1, notes: 1, completed: true });
    expect(await outbox.list()).toEqual([]);
    await outbox.close();
  });

  it('fails writes on a read-only connection with the reason, sending nothing', async () => {
    const { h, outbox, run, settle } = setUp();
    await run(h.service.connectPrivateToken({ token: SANDBOX_TOKENS.readOnly, locationId: LOC }));
    const before = h.requests();
    await run(outbox.enqueue(WRITES[0]!));
    await settle();

    expect(await outbox.list()).toMatchObject([
      { status: 'failed', error: { kind: 'missing-scope', message: NO_WRITE_SCOPE_REASON } },
    ]);
    expect(h.requests()).toBe(before);
    await outbox.close();
  });
});
