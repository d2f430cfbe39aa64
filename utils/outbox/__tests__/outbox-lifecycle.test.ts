import { deleteDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { createCacheDbSource, type CacheDbSource } from '../../db/open-cache-db';
import { QUOTA_MESSAGE } from '../../db/quota';
import { GhlError } from '../../ghl/ghl-error';
import { OTHER_LOCATION, SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import type { Outbox } from '../outbox';
import { completeJob } from '../outbox-cache';
import type { OutboxOperation } from '../../messaging/write-schemas';
import type { OutboxResult } from '../operations/operation';
import { OutboxStorageError, type StoredOutboxJob } from '../outbox-queue';
import { connected, DUE, LOC, needsReconnect, outboxUnderTest, SAM } from './outbox-harness';

const TASK = 'sbxTask000000000000D'; // "Send proposal"
const BOOK_DEMO: OutboxOperation = {
  kind: 'task.create',
  contactId: SAM,
  body: { title: 'Book demo', dueDate: DUE, completed: false },
};
const demoTasks = async (h: ReturnType<typeof outboxUnderTest>) =>
  (await h.inGhl(SAM)).tasks.filter((t) => t.title === 'Book demo');
const rename = (title: string): OutboxOperation => ({
  kind: 'task.update',
  contactId: SAM,
  taskId: TASK,
  body: { title },
});

/** Makes the browser refuse writes to one object store for lack of space, until restored. */
function fillDisk(storeName: string) {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    if (this.name === storeName) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return put.apply(this, args);
  });
}

describe('failed writes', () => {
  it('keep the reason, survive a restart, and Retry sends them', async () => {
    const h = outboxUnderTest();
    const failures: StoredOutboxJob[] = [];
    const first = h.outbox({ onPermanentFailure: (job) => failures.push(job) });
    h.setToken(SANDBOX_TOKENS.readOnly); // GHL refuses the write for lack of scope
    const { id } = await h.run(first.enqueue(BOOK_DEMO));
    await h.settle(first);
    expect(failures).toHaveLength(1);
    expect(await first.summary()).toEqual({ pending: 0, waiting: 0, failed: 1 });
    await first.close();

    // The browser restarts: a new outbox finds the failed job and leaves it alone.
    const second = h.outbox({ onPermanentFailure: (job) => failures.push(job) });
    const sent = h.requests.length;
    await h.settle(second);
    expect(h.requests).toHaveLength(sent);
    const [job] = await second.list();
    expect(job).toMatchObject({
      id,
      status: 'failed',
      summary: 'Create task ‘Book demo’',
      error: { kind: 'missing-scope', message: expect.stringMatching(/read-only/) },
    });

    h.setToken(SANDBOX_TOKENS.readWrite);
    const afterRetry = await h.run(second.retry(id));
    expect(afterRetry[0]).toMatchObject({ status: 'queued', attempts: 0, error: undefined });
    await h.settle(second);
    expect(await demoTasks(h)).toHaveLength(1);
    expect(await second.list()).toEqual([]);
    expect(failures).toHaveLength(1);
  });

  it('Discard removes a failed write; a queued one cannot be discarded', async () => {
    const h = outboxUnderTest();
    const changes: unknown[] = [];
    const outbox = h.outbox({ onChange: (summary) => changes.push(summary) });
    const gone = await h.run(
      outbox.enqueue({
        kind: 'task.update',
        contactId: SAM,
        taskId: 'sbxTaskGone',
        body: { title: 'x' },
      }),
    );
    await h.settle(outbox);
    const [failed] = await outbox.list();
    expect(failed).toMatchObject({
      status: 'failed',
      error: {
        kind: 'not-found',
        message:
          'The task no longer exists in GHL (it may have been deleted there), so the change was not made.',
      },
    });

    h.setStatus(needsReconnect()); // keeps the next one queued
    const queued = await h.run(outbox.enqueue(BOOK_DEMO));
    await h.run(outbox.discard(gone.id));
    expect((await outbox.list()).map((j) => j.id)).toEqual([queued.id]);
    expect(changes.at(-1)).toMatchObject({ failed: 0 });
  });

  it('a delete of something already gone counts as done', async () => {
    const h = outboxUnderTest();
    const failures: StoredOutboxJob[] = [];
    const outbox = h.outbox({ onPermanentFailure: (job) => failures.push(job) });
    await h.run(outbox.enqueue({ kind: 'task.delete', contactId: SAM, taskId: 'sbxTaskGone' }));
    await h.settle(outbox);
    expect(await outbox.list()).toEqual([]);
    expect(failures).toEqual([]);
  });
});

describe('what follows a write GHL applied', () => {
  it('is awaited while the job is applied and not pending, then the job goes, even if it threw', async () => {
    const h = outboxUnderTest();
    const source = createCacheDbSource(h.dbName);
    const seen: unknown[] = [];
    const outbox: Outbox = h.outbox(
      {
        async onApplied(job) {
          const stored = await (await source.get()).get('outbox', job.id);
          seen.push({ status: stored?.status, listed: await outbox.list() });
          seen.push(await outbox.summary());
          throw new Error('An effect failed.');
        },
      },
      source,
    );
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.settle(outbox);

    expect(seen).toEqual([
      { status: 'applied', listed: [] },
      { pending: 0, waiting: 0, failed: 0 },
    ]);
    expect(await (await source.get()).count('outbox')).toBe(0);
    expect(await demoTasks(h)).toHaveLength(1);
  });

  it('runs at the next start when the worker stopped after GHL applied the write', async () => {
    const h = outboxUnderTest();
    const source = createCacheDbSource(h.dbName);
    const db = await source.get();
    // A worker sent the POST, GHL applied it, and the worker recorded it, then stopped.
    const now = h.fake.now();
    const job: StoredOutboxJob = {
      id: 'job-1',
      createdAt: now,
      operation: BOOK_DEMO,
      status: 'sending',
      attempts: 0,
      nextAttemptAt: now,
      sentAt: now,
      locationId: LOC,
      transcriptId: 't-1',
    };
    await db.put('outbox', job);
    const { task } = (await h.control('POST', `contacts/${SAM}/tasks`, BOOK_DEMO.body)) as {
      task: Extract<OutboxResult, { kind: 'task' }>['task'];
    };
    const result: OutboxResult = { kind: 'task', task };
    await completeJob(db, job, result, now);

    const applied: unknown[] = [];
    const next = h.outbox({
      onApplied: (...args) => void applied.push(args),
    });
    expect(await next.list()).toEqual([]);
    expect(await next.nextWakeAt()).toBeUndefined();
    await h.settle(next);
    expect(applied).toEqual([
      [expect.objectContaining({ id: 'job-1' }), result, { previousTask: null }],
    ]);
    expect(h.requests).toEqual([]); // never sent again
    expect(await db.count('outbox')).toBe(0);
  });
});

describe('waiting for the connection', () => {
  it('holds writes made while reconnect is needed, then sends each once', async () => {
    const h = outboxUnderTest();
    h.setStatus(needsReconnect('Token revoked.'));
    const outbox = h.outbox();
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.run(
      outbox.enqueue({ kind: 'task.complete', contactId: SAM, taskId: TASK, completed: true }),
    );
    await h.run(outbox.enqueue({ kind: 'note.create', contactId: SAM, body: { body: 'Called.' } }));
    await h.settle(outbox);

    expect(h.requests).toEqual([]);
    expect(await outbox.summary()).toEqual({ pending: 0, waiting: 3, failed: 0 });
    expect((await outbox.list())[0]?.error?.message).toMatch(/^Token revoked\. It will be sent/);
    expect(await outbox.nextWakeAt()).toBeUndefined(); // nothing to wake for: a reconnect is

    h.setStatus(connected()); // the person reconnects: the outbox hears it
    await h.settle(outbox);
    expect(h.requests).toEqual([
      `POST /contacts/${SAM}/tasks`,
      `PUT /contacts/${SAM}/tasks/${TASK}/completed`,
      `POST /contacts/${SAM}/notes`,
    ]);
    expect(await outbox.list()).toEqual([]);
  });

  it('a restarted worker resumes waiting writes when it finds the connection back', async () => {
    const h = outboxUnderTest();
    h.setStatus(needsReconnect());
    const first = h.outbox();
    await h.run(first.enqueue(BOOK_DEMO));
    await h.settle(first);
    await first.close();
    h.setStatus(connected()); // reconnected while no outbox was listening

    const second = h.outbox();
    await h.settle(second);
    expect(await demoTasks(h)).toHaveLength(1);
  });

  it('never sends a write to another location than the one it was made for', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    h.setStatus(needsReconnect());
    await h.run(outbox.enqueue(BOOK_DEMO));
    h.setStatus(connected(OTHER_LOCATION.id)); // the person connected another location
    await h.settle(outbox);
    expect(h.requests).toEqual([]);
    expect((await outbox.list())[0]).toMatchObject({
      status: 'waiting',
      error: { message: expect.stringContaining(LOC) },
    });

    h.setStatus(connected(LOC));
    await h.settle(outbox);
    expect(await demoTasks(h)).toHaveLength(1);
  });

  it('sends a write about a cached contact to its location, not just the one connected', async () => {
    const h = outboxUnderTest();
    const source = createCacheDbSource(h.dbName);
    const elsewhere = 'sbxContElsewhere0001';
    await (
      await source.get()
    ).put('contacts', {
      id: elsewhere,
      locationId: OTHER_LOCATION.id,
      contact: { id: elsewhere, name: 'Olga Other' },
      lastUsedAt: 0,
    });
    const outbox = h.outbox({}, source);
    await h.run(outbox.enqueue({ kind: 'tags.add', contactId: elsewhere, tags: ['vip'] }));
    await h.settle(outbox);
    expect(h.requests).toEqual([]);
    expect(await outbox.list()).toMatchObject([
      { status: 'waiting', error: { message: expect.stringContaining(OTHER_LOCATION.id) } },
    ]);
  });

  it('tries again at once when the token was replaced mid-call', async () => {
    const h = outboxUnderTest();
    const client = h.connection.client;
    let replaced = false;
    h.connection.client = async () => {
      if (replaced) return client();
      replaced = true;
      throw new GhlError('connection-changed', 'connection');
    };
    const outbox = h.outbox();
    const start = h.fake.now();
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.run(outbox.process());
    expect(await demoTasks(h)).toHaveLength(1);
    expect(h.fake.now()).toBe(start);
  });
});

describe('order and words', () => {
  it('sends writes about one contact in the order they were made, even after a failure', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    await h.faults({ failNext: { count: 4, status: 502 } }); // the first PUT uses up its tries
    await h.run(outbox.enqueue(rename('First')));
    await h.run(outbox.enqueue(rename('Second')));
    await h.settle(outbox);
    expect((await h.inGhl(SAM)).tasks.find((t) => t.id === TASK)?.title).toBe('Second');
  });

  it('Retry sends a failed write as one made now: after the later writes still queued', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    h.setToken(SANDBOX_TOKENS.readOnly);
    const first = await h.run(outbox.enqueue(rename('First')));
    await h.settle(outbox); // failed: the token may not write
    h.setStatus(needsReconnect());
    await h.run(outbox.enqueue(rename('Second'))); // held until the reconnect
    await h.fake.advance(60_000);
    await h.run(outbox.retry(first.id));
    // At the end of the queue, but shown with the time it was made.
    const listed = await outbox.list();
    expect(listed.map((job) => job.summary)).toEqual([
      'Update task ‘Second’',
      'Update task ‘First’',
    ]);
    expect(listed[1]).toMatchObject({ id: first.id, createdAt: first.createdAt });

    h.setToken(SANDBOX_TOKENS.readWrite);
    h.setStatus(connected());
    await h.settle(outbox);
    // Not sent ahead of 'Second' (which would then undo the person's newest choice).
    expect((await h.inGhl(SAM)).tasks.find((t) => t.id === TASK)?.title).toBe('First');
    expect(await outbox.list()).toEqual([]);
  });

  it('lists writes in words, with names from the cache', async () => {
    const h = outboxUnderTest();
    const source = createCacheDbSource(h.dbName);
    const db = await source.get();
    const sam = await h.inGhl(SAM);
    await db.put('tasks', {
      id: TASK,
      contactId: SAM,
      value: sam.tasks.find((t) => t.id === TASK)!,
      hash: 'h',
      fetchedAt: 0,
    });
    await db.put('contacts', {
      id: SAM,
      locationId: LOC,
      contact: { id: SAM, name: 'Sam Lee' },
      lastUsedAt: 0,
    });
    h.setStatus(needsReconnect());
    const outbox = h.outbox({}, source);
    const ops: OutboxOperation[] = [
      { kind: 'task.complete', contactId: SAM, taskId: TASK, completed: true },
      {
        kind: 'note.create',
        contactId: SAM,
        body: { body: 'Key quote:\n  “we sign in January, once legal has read it”' },
      },
      { kind: 'contact.create', body: { firstName: 'Jane', lastName: 'Doe' } },
      { kind: 'tags.add', contactId: SAM, tags: ['vip'] },
      { kind: 'task.delete', contactId: SAM, taskId: 'sbxTaskUnknown' },
    ];
    for (const op of ops) await h.run(outbox.enqueue(op));
    expect((await outbox.list()).map((j) => j.summary)).toEqual([
      'Complete task ‘Send proposal’',
      'Add note ‘Key quote: “we sign in January, once le…’',
      'Create contact Jane Doe',
      'Add tag ‘vip’ to Sam Lee',
      'Delete task',
    ]);
  });
});

describe('storage', () => {
  it('reports a full disk when a write cannot be stored, and keeps nothing', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    await outbox.list(); // the database is open before the disk fills up
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const refused = h.run(outbox.enqueue(BOOK_DEMO));
    await expect(refused).rejects.toBeInstanceOf(OutboxStorageError);
    await expect(refused).rejects.toThrow(QUOTA_MESSAGE);
    vi.restoreAllMocks();
    expect(await outbox.list()).toEqual([]);
    expect(h.requests).toEqual([]);
  });

  it('a full disk while caching GHL’s answer is the job’s reason and reported; nothing is lost', async () => {
    const h = outboxUnderTest();
    const problems: string[] = [];
    const outbox = h.outbox({ onProblem: (message) => problems.push(message) });
    await outbox.list();
    fillDisk('tasks');
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.run(outbox.process());
    expect(await outbox.list()).toMatchObject([
      { status: 'queued', error: { kind: 'quota', message: QUOTA_MESSAGE } },
    ]);
    expect(problems).toEqual([QUOTA_MESSAGE]);

    vi.restoreAllMocks(); // space was freed
    await h.settle(outbox);
    expect(await demoTasks(h)).toHaveLength(1); // found by the look-up, not sent again
    expect(await outbox.list()).toEqual([]);
  });

  it('a full disk that stops the outbox recording a send is reported; nothing is sent', async () => {
    const h = outboxUnderTest();
    const problems: string[] = [];
    const outbox = h.outbox({ onProblem: (message) => problems.push(message) });
    await outbox.list();
    fillDisk('outbox'); // adding the job still works; marking it as being sent does not
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.run(outbox.process());
    expect(problems).toContain(QUOTA_MESSAGE);
    expect(h.requests).toEqual([]);
    expect(await outbox.list()).toMatchObject([{ status: 'queued' }]);

    vi.restoreAllMocks();
    await h.settle(outbox);
    expect(await demoTasks(h)).toHaveLength(1);
  });

  // Disconnect's "also delete cached data, including changes not yet sent" deletes the database
  // while a run may hold a job in hand; the background closes the shared source, then deletes.
  const wipe = async (h: ReturnType<typeof outboxUnderTest>, db: CacheDbSource) => {
    await db.close();
    await deleteDB(h.dbName);
  };

  it('a write deleted with the cached data while GHL answers it never comes back', async () => {
    const h = outboxUnderTest();
    const db = createCacheDbSource(h.dbName);
    const outbox = h.outbox({}, db);
    let release = () => {};
    h.hooks.onRequest = (name, answer) =>
      name.startsWith('POST')
        ? new Promise<void>((resolve) => (release = resolve)).then(answer)
        : undefined;
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.run(until(() => h.requests.length === 1));
    await wipe(h, db);
    await h.faults({ failNext: { count: 1, status: 503 } }); // not applied: it would be resent
    release();
    await h.settle(outbox);

    expect(await outbox.list()).toEqual([]);
    expect(h.requests).toEqual([`POST /contacts/${SAM}/tasks`]);
    expect(await demoTasks(h)).toEqual([]);
  });

  it('a write deleted with the cached data just before it is sent is not sent', async () => {
    const h = outboxUnderTest();
    const db = createCacheDbSource(h.dbName);
    const client = h.connection.client;
    h.connection.client = async () => {
      await wipe(h, db);
      return client();
    };
    const outbox = h.outbox({}, db);
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.settle(outbox);

    expect(await outbox.list()).toEqual([]);
    expect(h.requests).toEqual([]);
  });
});

/** Lets fake-indexeddb and the outbox's promises run until `condition` holds. */
async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  expect(condition()).toBe(true);
}
