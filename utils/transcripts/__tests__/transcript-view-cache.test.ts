import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { JANE, syncUnderTest } from '../../sync/__tests__/sync-harness';
import { createTranscriptStore } from '../transcript-store';
import { createTranscriptViewCache } from '../transcript-view-cache';

/**
 * Jane linked to t-1 and synced, and two stores over the same cache: one keeping views' records
 * in memory (as the background does), one reading the cache every time (the reference).
 */
async function setup(refillAfterMs?: number) {
  const h = syncUnderTest();
  await h.link('t-1', JANE);
  await h.run();
  let reads = 0;
  const counted = {
    get: () => {
      reads += 1;
      return h.db.get();
    },
    close: h.db.close,
  };
  const kept = createTranscriptStore({
    db: counted,
    clock: h.fake.clock,
    timeZone: 'UTC',
    mapping: async () => h.state.mapping,
    settings: async () => h.state.settings,
    viewCache: createTranscriptViewCache(h.db, { refillAfterMs }),
  });
  const view = () => kept.readView('t-1');
  /** The kept store answers what the cache holds now. */
  async function expectCurrent() {
    expect(await view()).toEqual(await h.transcripts.readView('t-1'));
  }
  return { h, kept, view, expectCurrent, reads: () => reads };
}

describe('createTranscriptViewCache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a view asked again from memory, without reading the cache', async () => {
    const t = await setup();
    const first = await t.view();
    const readsAfterFirst = t.reads();
    expect(await t.view()).toEqual(first);
    expect(t.reads()).toBe(readsAfterFirst);
    expect(first.contact?.id).toBe(JANE);
  });

  it('reads a forgotten view again once the writes pause, so the next open needs no read', async () => {
    // Long enough that the refill cannot come before the run below has ended and been counted
    // (5 ms could, on a loaded machine), short enough to wait for.
    const t = await setup(500);
    await t.view();
    // What opening a panel causes a moment later: a visit recorded, the contact refreshed.
    await t.h.transcripts.markViewed('t-1', { title: 'Quarterly call' });
    await t.h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
    await t.h.run('sync-now');
    const readsAfterWrites = t.reads();
    // A real timer, 500 ms: more than waitFor's default 1 s may pass on a loaded machine.
    await vi.waitFor(() => expect(t.reads()).toBeGreaterThan(readsAfterWrites), { timeout: 5_000 });
    const refilled = t.reads();
    const after = await t.view();
    expect(t.reads()).toBe(refilled);
    expect(after.title).toBe('Quarterly call');
    expect(after.contact?.email).toBe('jane@new.example');
    await t.expectCurrent();
  });

  it('shows what a sync wrote: a changed contact, a new task', async () => {
    const t = await setup();
    const before = await t.view();
    await t.h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
    await t.h.control('POST', `contacts/${JANE}/tasks`, { title: 'Call back', completed: false });
    await t.h.run('sync-now');
    const after = await t.view();
    expect(after.contact?.email).toBe('jane@new.example');
    expect(after.tasks.map((task) => task.title)).toContain('Call back');
    expect(after.tasks).toHaveLength(before.tasks.length + 1);
    await t.expectCurrent();
  });

  it('shows a note an outbox write attached, and a visit recorded', async () => {
    const t = await setup();
    await t.view();
    const note = { id: 'note-from-panel', body: 'Said yes', contactId: JANE };
    // The outbox caches GHL's answer (operations/cache-records.ts), then attaches the note.
    const value = { id: note.id, contactId: JANE, value: note, hash: 'h', fetchedAt: 1 };
    await (await t.h.db.get()).put('notes', value);
    expect(await t.h.transcripts.attachNote('t-1', JANE, note)).toBe(true);
    await t.h.transcripts.markViewed('t-1', { title: 'Quarterly call' });
    const after = await t.view();
    expect(after.notes.map((n) => n.id)).toContain('note-from-panel');
    expect(after.title).toBe('Quarterly call');
    await t.expectCurrent();
  });

  it('follows an unlink and a new link', async () => {
    const t = await setup();
    expect((await t.view()).link?.contactId).toBe(JANE);
    await t.h.transcripts.unlink('t-1');
    expect((await t.view()).link).toBeUndefined();
    await t.expectCurrent();
    await t.h.link('t-1', JANE);
    expect((await t.view()).link?.contactId).toBe(JANE);
    await t.expectCurrent();
  });

  it('forgets everything when Disconnect wipes the cache', async () => {
    const t = await setup();
    expect((await t.view()).contact?.id).toBe(JANE);
    // What the background's wipeCache does: close its connection, delete the database.
    const { name } = await t.h.db.get();
    await t.h.db.close();
    await deleteDB(name);
    const after = await t.view();
    expect(after.link).toBeUndefined();
    expect(after.contact).toBeUndefined();
    await t.expectCurrent();
  });

  it('keeps the outbox’s list until a write to the outbox or a store it names', async () => {
    const { h } = await setup();
    const cache = createTranscriptViewCache(h.db);
    let lists = 0;
    const list = async () => {
      lists += 1;
      return [];
    };
    await cache.pending(list);
    await cache.pending(list);
    expect(lists).toBe(1);
    const db = await h.db.get();
    // Not a store the list reads: kept.
    await db.put('meta', 1, 'unrelated');
    await cache.pending(list);
    expect(lists).toBe(1);
    await db.put('outbox', { id: 'job-1' } as never);
    await cache.pending(list);
    expect(lists).toBe(2);
    await db.put('tasks', { id: 'task-x', contactId: JANE, value: { id: 'task-x' } } as never);
    await cache.pending(list);
    expect(lists).toBe(3);
  });
});
