import { describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/open-cache-db';
import { createCacheDbSource } from '../../db/open-cache-db';
import { contentHash } from '../../db/content-hash';
import type { OutboxOperation } from '../../messaging/write-schemas';
import type { OutboxResult } from '../operations/operation';
import { DUE, LOC, outboxUnderTest, SAM, type OutboxUnderTest } from './outbox-harness';

const TASK = 'sbxTask000000000000D'; // Sam's "Send proposal", open
const NOTE = 'sbxNote000000000000A';

/** The cache as a panel left it: Sam, one of his tasks and one of his notes. */
async function seedCache(h: OutboxUnderTest, db: CacheDatabase) {
  const ghl = await h.inGhl(SAM);
  await db.put('contacts', {
    id: SAM,
    locationId: LOC,
    contact: ghl.contact as { id: string },
    lastUsedAt: 0,
  });
  const task = ghl.tasks.find((t) => t.id === TASK)!;
  await db.put('tasks', { id: TASK, contactId: SAM, value: task, hash: 'old', fetchedAt: 0 });
  const note = ghl.notes.find((n) => n.id === NOTE)!;
  await db.put('notes', { id: NOTE, contactId: SAM, value: note, hash: 'old', fetchedAt: 0 });
  await db.put('appointments', {
    id: 'appt1',
    contactId: SAM,
    value: { id: 'appt1' } as never,
    fetchedAt: 0,
  });
}

interface Case {
  operation: OutboxOperation;
  /** The requests GHL gets: the write, and for tags a read of the contact. */
  requests: string[];
  /** What GHL and the cache show afterwards. */
  check(h: OutboxUnderTest, db: CacheDatabase, result: OutboxResult): Promise<void>;
}

const path = `/contacts/${SAM}`;

const CASES: Case[] = [
  {
    operation: {
      kind: 'contact.create',
      body: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' },
    },
    requests: ['POST /contacts/'],
    async check(h, db, result) {
      const id = result.kind === 'contact' ? result.contact.id : '';
      expect((await h.inGhl(id)).contact).toMatchObject({ name: 'Jane Doe', locationId: LOC });
      expect(await db.get('contacts', id)).toMatchObject({
        locationId: LOC,
        lastUsedAt: h.fake.now(),
      });
    },
  },
  {
    operation: { kind: 'contact.update', contactId: SAM, body: { firstName: 'Samuel' } },
    requests: [`PUT ${path}`],
    async check(h, db) {
      const inGhl = (await h.inGhl(SAM)).contact;
      expect(inGhl.firstName).toBe('Samuel');
      const cached = await db.get('contacts', SAM);
      expect(cached?.contact.firstName).toBe('Samuel');
      expect(cached?.dateUpdated).toBe(inGhl.dateUpdated);
    },
  },
  {
    operation: { kind: 'contact.delete', contactId: SAM },
    requests: [`DELETE ${path}`],
    async check(h, db) {
      await expect(h.inGhl(SAM)).rejects.toThrow(/404/);
      expect(await db.get('contacts', SAM)).toBeUndefined();
      expect(await db.getAllFromIndex('tasks', 'by-contact', SAM)).toEqual([]);
      expect(await db.getAllFromIndex('notes', 'by-contact', SAM)).toEqual([]);
      expect(await db.getAllFromIndex('appointments', 'by-contact', SAM)).toEqual([]);
    },
  },
  {
    operation: { kind: 'tags.add', contactId: SAM, tags: ['vip'] },
    requests: [`POST ${path}/tags`, `GET ${path}`],
    async check(h, db) {
      const inGhl = (await h.inGhl(SAM)).contact;
      expect(inGhl.tags).toContain('vip');
      const cached = await db.get('contacts', SAM);
      expect(cached?.contact.tags).toEqual(['interviewed', 'new lead', 'vip']);
      // GHL moved its update time: the next sync must not take the tags for a change in GHL.
      expect(cached?.dateUpdated).toBe(inGhl.dateUpdated);
    },
  },
  {
    operation: { kind: 'tags.remove', contactId: SAM, tags: ['new lead'] },
    requests: [`DELETE ${path}/tags`, `GET ${path}`],
    async check(h, db) {
      const inGhl = (await h.inGhl(SAM)).contact;
      expect(inGhl.tags).toEqual(['interviewed']);
      const cached = await db.get('contacts', SAM);
      expect(cached?.contact.tags).toEqual(['interviewed']);
      expect(cached?.dateUpdated).toBe(inGhl.dateUpdated);
    },
  },
  {
    operation: {
      kind: 'task.create',
      contactId: SAM,
      body: { title: 'Book demo', dueDate: DUE, completed: false },
    },
    requests: [`POST ${path}/tasks`],
    async check(h, db, result) {
      const created = (await h.inGhl(SAM)).tasks.filter((t) => t.title === 'Book demo');
      expect(created).toHaveLength(1);
      const cached = await db.get('tasks', created[0]!.id);
      expect(cached).toMatchObject({ contactId: SAM, fetchedAt: h.fake.now() });
      expect(cached?.hash).toBe(contentHash(cached?.value));
      expect(result).toEqual({ kind: 'task', task: cached?.value });
    },
  },
  {
    operation: {
      kind: 'task.update',
      contactId: SAM,
      taskId: TASK,
      body: { title: 'Send revised proposal' },
    },
    requests: [`PUT ${path}/tasks/${TASK}`],
    async check(h, db) {
      expect((await h.inGhl(SAM)).tasks.find((t) => t.id === TASK)?.title).toBe(
        'Send revised proposal',
      );
      const cached = await db.get('tasks', TASK);
      expect(cached?.value.title).toBe('Send revised proposal');
      expect(cached?.hash).toBe(contentHash(cached?.value));
    },
  },
  {
    operation: { kind: 'task.complete', contactId: SAM, taskId: TASK, completed: true },
    requests: [`PUT ${path}/tasks/${TASK}/completed`],
    async check(h, db) {
      expect((await h.inGhl(SAM)).tasks.find((t) => t.id === TASK)?.completed).toBe(true);
      expect((await db.get('tasks', TASK))?.value.completed).toBe(true);
    },
  },
  {
    operation: { kind: 'task.delete', contactId: SAM, taskId: TASK },
    requests: [`DELETE ${path}/tasks/${TASK}`],
    async check(h, db) {
      expect((await h.inGhl(SAM)).tasks.map((t) => t.id)).not.toContain(TASK);
      expect(await db.get('tasks', TASK)).toBeUndefined();
    },
  },
  {
    operation: { kind: 'note.create', contactId: SAM, body: { body: 'Wants a call on Monday.' } },
    requests: [`POST ${path}/notes`],
    async check(h, db) {
      const created = (await h.inGhl(SAM)).notes.filter(
        (n) => n.body === 'Wants a call on Monday.',
      );
      expect(created).toHaveLength(1);
      const cached = await db.get('notes', created[0]!.id);
      expect(cached?.hash).toBe(contentHash(cached?.value));
    },
  },
  {
    operation: {
      kind: 'note.update',
      contactId: SAM,
      noteId: NOTE,
      body: { body: 'Price is fine now.' },
    },
    requests: [`PUT ${path}/notes/${NOTE}`],
    async check(h, db) {
      expect((await h.inGhl(SAM)).notes.find((n) => n.id === NOTE)?.body).toBe(
        'Price is fine now.',
      );
      expect((await db.get('notes', NOTE))?.value.body).toBe('Price is fine now.');
    },
  },
  {
    operation: { kind: 'note.delete', contactId: SAM, noteId: NOTE },
    requests: [`DELETE ${path}/notes/${NOTE}`],
    async check(h, db) {
      expect((await h.inGhl(SAM)).notes.map((n) => n.id)).not.toContain(NOTE);
      expect(await db.get('notes', NOTE)).toBeUndefined();
    },
  },
];

describe('each kind of write', () => {
  it.each(CASES)('$operation.kind: $requests, then GHL and the cache agree', async (c) => {
    const h = outboxUnderTest();
    const source = createCacheDbSource(h.dbName);
    const db = await source.get();
    await seedCache(h, db);
    const applied: OutboxResult[] = [];
    const outbox = h.outbox({ onApplied: (_job, result) => void applied.push(result) }, source);

    const view = await h.run(outbox.enqueue(c.operation, { transcriptId: 'tr1' }));
    expect(view).toMatchObject({ status: 'queued', kind: c.operation.kind, transcriptId: 'tr1' });
    await h.settle(outbox);

    expect(h.requests).toEqual(c.requests);
    expect(applied).toHaveLength(1);
    await c.check(h, db, applied[0]!);
    expect(await outbox.list()).toEqual([]);
    expect(await outbox.summary()).toEqual({ pending: 0, waiting: 0, failed: 0 });
  });
});

describe('what cannot be sent', () => {
  it('refuses an invalid write at once and stores nothing', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    const refused = h.run(
      outbox.enqueue({
        kind: 'task.create',
        contactId: SAM,
        body: { title: 'No date', completed: false },
      }),
    );
    await expect(refused).rejects.toMatchObject({ kind: 'validation', message: /dueDate/ });
    expect(await outbox.list()).toEqual([]);
    expect(h.requests).toEqual([]);
  });

  it('refuses a write when no location is connected, storing nothing', async () => {
    const h = outboxUnderTest();
    h.setStatus({ state: 'not-connected' });
    const outbox = h.outbox();
    await expect(
      h.run(outbox.enqueue({ kind: 'task.delete', contactId: SAM, taskId: TASK })),
    ).rejects.toMatchObject({ kind: 'reconnect-needed' });
    expect(await outbox.list()).toEqual([]);
  });
});
