import { describe, expect, it } from 'vitest';
import type { GhlTask } from '../../ghl/schemas/task-schemas';
import { completeJob } from '../../outbox/outbox-cache';
import { recordTaskWrite } from '../../transcripts/task-write-record';
import { JANE, LOCATION, syncUnderTest, type SyncHarness } from './sync-harness';

const MINUTE = 60_000;

/** Jane linked from t-1 with one open task, synced once (the baseline), every tier expired. */
async function janeWithTask() {
  const h = syncUnderTest();
  const { task } = await h.control<{ task: GhlTask }>('POST', `contacts/${JANE}/tasks`, {
    title: 'Send proposal',
  });
  await h.link('t-1', JANE, 'Jane Doe');
  await h.run();
  await h.fake.advance(61 * MINUTE);
  return { h, task };
}

/**
 * Makes the next sync's tasks list answer, wait a second, then run `write` (a person's write
 * landing in the cache) before the sync stores what it read: the sync's copy is then stale.
 */
function writeWhileSyncReads(h: SyncHarness, write: () => Promise<unknown>) {
  const list = h.client.tasks.list;
  h.client.tasks.list = async (contactId, options) => {
    h.client.tasks.list = list;
    const tasks = await list(contactId, options);
    await h.fake.clock.sleep(1000);
    await write();
    return tasks;
  };
}

/** A task write as the outbox wiring records it: GHL's answer, into the cache and timeline. */
async function recordWrite(h: SyncHarness, task: GhlTask, previous?: GhlTask | null) {
  const at = h.fake.now();
  const write = { contactId: JANE, locationId: LOCATION, task, at, timeZone: 'UTC', previous };
  await recordTaskWrite(await h.db.get(), write);
}

async function lines(h: SyncHarness) {
  return (await h.view('t-1')).activity.map((a) => a.text);
}

async function runTwice(h: SyncHarness) {
  await h.run();
  await h.fake.advance(61 * MINUTE);
  await h.run();
}

describe('sync engine: a person writes while a sync is reading GHL', () => {
  it('a task completed meanwhile is narrated once and stays completed in the cache', async () => {
    const { h, task } = await janeWithTask();
    writeWhileSyncReads(h, async () =>
      recordWrite(h, await h.client.tasks.setCompleted(JANE, task.id, true), task),
    );
    await h.run();
    const cached = await (await h.db.get()).get('tasks', task.id);
    expect(cached?.value.completed).toBe(true);
    await h.fake.advance(61 * MINUTE);
    await h.run();
    const all = await lines(h);
    expect(all.filter((l) => l.includes('Send proposal'))).toEqual([
      'Task ‘Send proposal’ completed — Jane Doe, 26 Nov 2026',
    ]);
    expect((await h.view('t-1')).tasks.find((t) => t.id === task.id)).toMatchObject({
      completed: true,
    });
  });

  it('a task created meanwhile is kept, not taken for one deleted in GHL', async () => {
    const { h } = await janeWithTask();
    let created: GhlTask | undefined;
    writeWhileSyncReads(h, async () => {
      created = await h.client.tasks.create(JANE, {
        title: 'Call back',
        dueDate: '2026-12-01T09:00:00.000Z',
        completed: false,
      });
      await recordWrite(h, created, null);
    });
    await h.run();
    expect(await (await h.db.get()).get('tasks', created!.id)).toBeDefined();
    await h.fake.advance(61 * MINUTE);
    await h.run();
    expect((await lines(h)).filter((l) => l.includes('Call back'))).toEqual([
      'Task ‘Call back’ added — Jane Doe, 26 Nov 2026',
    ]);
  });

  it('a task deleted meanwhile stays deleted, narrated neither as added nor as deleted in GHL', async () => {
    const { h, task } = await janeWithTask();
    writeWhileSyncReads(h, async () => {
      // What the outbox does once GHL deleted the task: the cache forgets it (completeJob).
      await h.client.tasks.delete(JANE, task.id);
      const at = h.fake.now();
      const operation = { kind: 'task.delete', contactId: JANE, taskId: task.id } as const;
      const job = { id: 'job-1', createdAt: at, operation, status: 'sending' as const };
      const stored = { ...job, attempts: 0, nextAttemptAt: at, locationId: LOCATION };
      await completeJob(await h.db.get(), stored, { kind: 'deleted' }, at);
    });
    await h.run();
    expect(await (await h.db.get()).get('tasks', task.id)).toBeUndefined();
    await h.fake.advance(61 * MINUTE);
    await h.run();
    expect((await lines(h)).filter((l) => l.includes('Send proposal'))).toEqual([]);
    expect((await h.view('t-1')).tasks.map((t) => t.id)).not.toContain(task.id);
  });

  it('a contact edited meanwhile keeps the edit and is not narrated as changed in GHL', async () => {
    const { h } = await janeWithTask();
    writeWhileSyncReads(h, async () => {
      // What the outbox does with GHL's answer to a person's contact edit (completeJob).
      const contact = await h.client.contacts.update(JANE, { email: 'jane@new.example' });
      const db = await h.db.get();
      const cached = (await db.get('contacts', JANE))!;
      await db.put('contacts', {
        ...cached,
        contact,
        dateUpdated: contact.dateUpdated ?? undefined,
      });
    });
    await runTwice(h);
    expect((await h.view('t-1')).contact).toMatchObject({ email: 'jane@new.example' });
    expect((await lines(h)).filter((l) => l.startsWith('Contact updated'))).toEqual([]);
  });
});
