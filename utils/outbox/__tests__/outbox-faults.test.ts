import { describe, expect, it } from 'vitest';
import { createCacheDbSource } from '../../db/open-cache-db';
import type { OutboxOperation } from '../../messaging/write-schemas';
import { UNKNOWN_CONTACT_MESSAGE } from '../outbox-retry';
import type { StoredOutboxJob } from '../outbox-queue';
import {
  connected,
  DUE,
  needsReconnect,
  outboxUnderTest,
  SAM,
  type OutboxUnderTest,
} from './outbox-harness';

const TASK = 'sbxTask000000000000D';
const BOOK_DEMO: OutboxOperation = {
  kind: 'task.create',
  contactId: SAM,
  body: { title: 'Book demo', dueDate: DUE, completed: false },
};
const NEW_NOTE: OutboxOperation = {
  kind: 'note.create',
  contactId: SAM,
  body: { body: 'Wants a call on Monday.' },
};
const JANE: OutboxOperation = {
  kind: 'contact.create',
  body: { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com' },
};

/** How many records in GHL each create made. */
async function created(h: OutboxUnderTest) {
  const sam = await h.inGhl(SAM);
  const contacts = [...h.sandbox.state.data.contacts.values()].filter(
    (c) => c.email === 'jane.doe@example.com',
  );
  return {
    tasks: sam.tasks.filter((t) => t.title === 'Book demo').length,
    notes: sam.notes.filter((n) => n.body === 'Wants a call on Monday.').length,
    contacts: contacts.length,
  };
}

/** Polls (in real time) until `condition` holds: for work that must not move the fake clock. */
async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  expect(condition()).toBe(true);
}

describe('rate limits and server errors', () => {
  it('rides out a 429 storm: every write arrives once, none fails', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    await h.faults({ rateLimitStorm: { durationMs: 5 * 60_000, retryAfterSeconds: 10 } });
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.run(outbox.enqueue(NEW_NOTE));
    await h.run(
      outbox.enqueue({ kind: 'task.complete', contactId: SAM, taskId: TASK, completed: true }),
    );
    await h.settle(outbox);

    // More refusals than the client's own four tries: the outbox retried too.
    expect(h.sandbox.state.counters.byStatus[429]).toBeGreaterThan(8);
    expect(await created(h)).toMatchObject({ tasks: 1, notes: 1 });
    expect((await h.inGhl(SAM)).tasks.find((t) => t.id === TASK)?.completed).toBe(true);
    expect(await outbox.list()).toEqual([]);
  });

  it('rides out a burst of 5xx: creates are checked before resending, no duplicates', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    await h.faults({ failNext: { count: 12, status: 503 } });
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.run(outbox.enqueue(NEW_NOTE));
    await h.run(outbox.enqueue(JANE));
    await h.run(
      outbox.enqueue({
        kind: 'task.update',
        contactId: SAM,
        taskId: TASK,
        body: { title: 'Renamed' },
      }),
    );
    await h.settle(outbox);

    expect(h.sandbox.state.counters.byStatus[503]).toBe(12);
    expect(await created(h)).toEqual({ tasks: 1, notes: 1, contacts: 1 });
    expect((await h.inGhl(SAM)).tasks.find((t) => t.id === TASK)?.title).toBe('Renamed');
    expect(await outbox.list()).toEqual([]);
  });

  it('fails a write after ten attempts that all met server errors, keeping the reason', async () => {
    const h = outboxUnderTest();
    const failures: StoredOutboxJob[] = [];
    const outbox = h.outbox({ onPermanentFailure: (job) => failures.push(job) });
    await h.faults({ failNext: { count: 1000, status: 500 } });
    const start = h.fake.now();
    await h.run(
      outbox.enqueue({ kind: 'task.update', contactId: SAM, taskId: TASK, body: { title: 'X' } }),
    );
    await h.settle(outbox);

    const [job] = await outbox.list();
    expect(job).toMatchObject({ status: 'failed', attempts: 10, error: { kind: 'server' } });
    expect(failures).toHaveLength(1);
    // One request per attempt: the outbox owns retrying writes, the client does not repeat them
    // (issue 16: it was four tries per attempt, 40); waits doubled from 2 s up to minutes.
    expect(h.count('PUT /contacts/:contactId/tasks/:taskId')).toBe(10);
    expect(h.fake.now() - start).toBeGreaterThan(10 * 60_000);
  });
});

describe('a create whose answer is lost', () => {
  const CASES = [
    {
      name: 'task',
      op: BOOK_DEMO,
      lookup: 'GET /contacts/:contactId/tasks',
      key: 'tasks',
      misses: 1,
    },
    {
      name: 'note',
      op: NEW_NOTE,
      lookup: 'GET /contacts/:contactId/notes',
      key: 'notes',
      misses: 1,
    },
    // GHL's duplicate check first (no search lag); search only when it finds nothing.
    {
      name: 'contact',
      op: JANE,
      lookup: 'GET /contacts/search/duplicate',
      key: 'contacts',
      misses: 2,
    },
  ] as const;

  it.each(CASES)(
    '$name: the connection drops after GHL applied it → found, not sent again',
    async ({ op, lookup, key }) => {
      const h = outboxUnderTest();
      const outbox = h.outbox();
      await h.faults({ dropNext: { count: 1, afterApply: true } });
      await h.run(outbox.enqueue(op));
      await h.settle(outbox);

      expect((await created(h))[key]).toBe(1);
      expect(h.count(lookup)).toBe(1);
      expect(h.requests).toHaveLength(2); // the POST, then the look-up
      expect(await outbox.list()).toEqual([]);
    },
  );

  it.each(CASES)(
    '$name: the connection drops before GHL applied it → looked for, sent again once',
    async ({ op, key, misses }) => {
      const h = outboxUnderTest();
      const outbox = h.outbox();
      await h.faults({ dropNext: { count: 1 } });
      await h.run(outbox.enqueue(op));
      await h.settle(outbox);

      expect((await created(h))[key]).toBe(1);
      expect(h.requests).toHaveLength(2 + misses); // POST (lost), look-ups, POST
    },
  );

  it('a cut-off answer to a create (applied) is reconciled too', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    await h.faults({ malformedNext: 1 });
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.settle(outbox);
    expect((await created(h)).tasks).toBe(1);
  });

  it('does not take a look-alike task that was already cached for the one it made', async () => {
    const h = outboxUnderTest();
    const source = createCacheDbSource(h.dbName);
    const db = await source.get();
    const existing = (await h.inGhl(SAM)).tasks.find((t) => t.id === TASK)!;
    await db.put('tasks', { id: TASK, contactId: SAM, value: existing, hash: 'h', fetchedAt: 0 });
    const outbox = h.outbox({}, source);
    await h.faults({ dropNext: { count: 1 } }); // lost before GHL applied it
    const twin: OutboxOperation = {
      kind: 'task.create',
      contactId: SAM,
      body: { title: existing.title, dueDate: existing.dueDate, completed: false },
    };
    await h.run(outbox.enqueue(twin));
    await h.settle(outbox);

    const same = (await h.inGhl(SAM)).tasks.filter((t) => t.title === existing.title);
    expect(same).toHaveLength(2);
    expect(await db.count('tasks')).toBe(2);
  });

  it('a second identical task, queued before the first was sent, is not taken for found', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    h.setStatus(needsReconnect()); // a double submit: both are queued before either is sent
    await h.run(outbox.enqueue(BOOK_DEMO));
    await h.run(outbox.enqueue(BOOK_DEMO));
    let posts = 0;
    // The second POST is lost before GHL applies it; the first one's task is then in GHL.
    h.hooks.onRequest = (name, answer) =>
      name.startsWith('POST') && (posts += 1) === 2
        ? h.faults({ dropNext: { count: 1 } }).then(answer)
        : undefined;
    h.setStatus(connected());
    await h.settle(outbox);

    expect((await created(h)).tasks).toBe(2);
    // The first, the lost one, and that one again after the look-up found only the first's task.
    expect(h.requests).toEqual([
      `POST /contacts/${SAM}/tasks`,
      `POST /contacts/${SAM}/tasks`,
      `GET /contacts/${SAM}/tasks`,
      `POST /contacts/${SAM}/tasks`,
    ]);
    expect(await outbox.list()).toEqual([]);
  });

  it('a contact with only a name is not looked for by name: a person decides', async () => {
    const h = outboxUnderTest();
    const failures: StoredOutboxJob[] = [];
    const outbox = h.outbox({ onPermanentFailure: (job) => failures.push(job) });
    const ada = () =>
      [...h.sandbox.state.data.contacts.values()].filter((c) => c.firstName === 'Ada').length;
    await h.faults({ dropNext: { count: 1 } });
    const { id } = await h.run(
      outbox.enqueue({ kind: 'contact.create', body: { firstName: 'Ada', lastName: 'Byron' } }),
    );
    await h.settle(outbox);

    // A teammate's Ada Byron would have been taken for this one: no search, no second POST.
    expect(h.requests).toEqual(['POST /contacts/']);
    expect(await outbox.list()).toMatchObject([
      {
        id,
        status: 'failed',
        error: { kind: 'outcome-unknown', message: UNKNOWN_CONTACT_MESSAGE },
      },
    ]);
    expect(failures).toHaveLength(1);

    // The person finds no Ada Byron in GHL and retries: it is sent, without looking.
    await h.run(outbox.retry(id));
    await h.settle(outbox);
    expect(h.requests).toEqual(['POST /contacts/', 'POST /contacts/']);
    expect(ada()).toBe(1);
    expect(await outbox.list()).toEqual([]);
  });

  it('does not take a note GHL dates from before the write for the one it made', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    const old = (await h.inGhl(SAM)).notes[0]!; // weeks old, not in the cache
    const twins = async () => (await h.inGhl(SAM)).notes.filter((n) => n.body === old.body);
    const before = (await twins()).length;
    await h.faults({ dropNext: { count: 1 } });
    await h.run(outbox.enqueue({ kind: 'note.create', contactId: SAM, body: { body: old.body } }));
    await h.settle(outbox);
    expect(await twins()).toHaveLength(before + 1);
  });
});

describe('the worker stops mid-write', () => {
  it.each([
    ['after GHL applied the POST', true, ['GET /contacts/:contactId/tasks']],
    [
      'before the POST reached GHL',
      false,
      ['GET /contacts/:contactId/tasks', 'POST /contacts/:contactId/tasks'],
    ],
  ] as const)('%s: the next worker sends it exactly once', async (_name, applied, after) => {
    const h = outboxUnderTest();
    const firstDb = createCacheDbSource(h.dbName);
    const first = h.outbox({}, firstDb);
    // The POST leaves (and, maybe, is applied), and its answer never comes back.
    h.hooks.onRequest = (name, answer) =>
      name.endsWith('/tasks') && name.startsWith('POST')
        ? (applied ? answer() : Promise.resolve()).then(() => new Promise<Response>(() => {}))
        : undefined;
    await h.run(first.enqueue(BOOK_DEMO));
    await until(() => h.requests.length === 1);
    await first.close(); // the service worker is stopped here
    await firstDb.close();
    h.hooks.onRequest = undefined;

    const second = h.outbox();
    const [stored] = await second.list();
    expect(stored).toMatchObject({ status: 'sending' });
    h.sandbox.state.resetCounters();
    await h.settle(second);

    expect(Object.keys(h.sandbox.state.counters.byEndpoint).sort()).toEqual([...after].sort());
    expect((await created(h)).tasks).toBe(1);
    expect(await second.list()).toEqual([]);
  });

  it('two outboxes on one database never send the same job twice', async () => {
    const h = outboxUnderTest();
    const a = h.outbox();
    const b = h.outbox();
    await h.run(a.enqueue(BOOK_DEMO));
    await h.run(Promise.all([a.process(), b.process(), b.process()]));
    await h.settle(b);
    expect(h.count('POST /contacts/:contactId/tasks')).toBe(1);
  });
});
