import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { completeJob } from '@/utils/outbox/outbox-cache';
import type { OutboxOperation } from '@/utils/messaging/write-schemas';
import type { StoredOutboxJob } from '@/utils/outbox/outbox-queue';
import { createOutboxEffects } from '../outbox-effects';
import { JANE, LOCATION, type BackgroundUnderTest } from './sync-wiring-harness';
import { janeOnTwo, PAGE, view, write } from './jane-on-two-transcripts';
import { fieldMappingItem } from '@/utils/storage/field-mapping-item';

const MINUTE = 60_000;
const SUFFIX = ' — Jane Doe, 26 Nov 2026';

/** The lines of a transcript's timeline equal to `text`. */
async function linesLike(h: BackgroundUnderTest, transcriptId: string, text: string) {
  return (await view(h, transcriptId)).activity.filter((a) => a.text === text);
}

async function syncLater(h: BackgroundUnderTest) {
  await h.fake.advance(61 * MINUTE);
  await h.run(h.handlers['sync/now']({}, PAGE));
}

/** A note written from t-1's panel, as GHL has it. */
async function noteFromT1(h: BackgroundUnderTest, body: string) {
  await write(h, { kind: 'note.create', contactId: JANE, body: { body } }, 't-1');
  return (await h.inGhl(JANE)).notes.find((n) => n.body === body)!;
}

describe('a task or note deleted from a panel, on the timeline', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a deleted task is told on each linked transcript once, and not again by the sync', async () => {
    const h = await janeOnTwo();
    const task = (await h.inGhl(JANE)).tasks[0]!;
    const line = `Task ‘${task.title}’ deleted in GHL${SUFFIX}`;

    await write(h, { kind: 'task.delete', contactId: JANE, taskId: task.id });
    expect((await h.inGhl(JANE)).tasks.map((t) => t.id)).not.toContain(task.id);
    for (const id of ['t-1', 't-2']) {
      const [entry, ...more] = await linesLike(h, id, line);
      expect(entry).toMatchObject({ kind: 'task-deleted', recordId: task.id, contactId: JANE });
      expect(more).toEqual([]);
      expect((await view(h, id)).tasks.map((t) => t.id)).not.toContain(task.id);
    }
    expect(h.told).toContainEqual({
      transcriptId: 't-1',
      contactId: JANE,
      what: ['tasks', 'activity'],
    });

    await syncLater(h);
    for (const id of ['t-1', 't-2']) expect(await linesLike(h, id, line)).toHaveLength(1);
  });

  it('a task deleted twice (two panels) is told once: the second finds it gone', async () => {
    const h = await janeOnTwo();
    const task = (await h.inGhl(JANE)).tasks[0]!;
    const op: OutboxOperation = { kind: 'task.delete', contactId: JANE, taskId: task.id };
    await write(h, op);
    await write(h, op);

    // The second write reached GHL too, which answered 404: that counts as done.
    expect(h.sandbox.state.counters.byStatus['404']).toBeGreaterThan(0);
    expect(await h.outbox.summary()).toMatchObject({ failed: 0 });
    const line = `Task ‘${task.title}’ deleted in GHL${SUFFIX}`;
    expect(await linesLike(h, 't-1', line)).toHaveLength(1);
  });

  it('a deleted note leaves every transcript it was attached to, with a line on each', async () => {
    const h = await janeOnTwo('all');
    const note = await noteFromT1(h, 'Budget approved');
    await syncLater(h); // t-2 gets it from the sync, as any new note
    expect((await view(h, 't-2')).notes.map((n) => n.id)).toContain(note.id);

    await write(h, { kind: 'note.delete', contactId: JANE, noteId: note.id });
    const line = `Note ‘Budget approved’ removed${SUFFIX}`;
    const db = await h.db.get();
    for (const id of ['t-1', 't-2']) {
      expect(await linesLike(h, id, line)).toHaveLength(1);
      expect((await db.get('transcripts', id))?.noteIds).not.toContain(note.id);
    }
    expect((await db.get('transcripts', 't-1'))?.panelNoteIds).toEqual([]);
    expect(h.told).toContainEqual({
      transcriptId: 't-2',
      contactId: JANE,
      what: ['notes', 'activity'],
    });

    await syncLater(h);
    for (const id of ['t-1', 't-2']) expect(await linesLike(h, id, line)).toHaveLength(1);
  });

  it('a deleted note is told only where it was attached', async () => {
    const h = await janeOnTwo('pinned');
    const note = await noteFromT1(h, 'Only on t-1');

    await write(h, { kind: 'note.delete', contactId: JANE, noteId: note.id });
    const line = `Note ‘Only on t-1’ removed${SUFFIX}`;
    expect(await linesLike(h, 't-1', line)).toHaveLength(1);
    expect((await view(h, 't-1')).notes.map((n) => n.id)).not.toContain(note.id);
    const t2 = await view(h, 't-2');
    expect(t2.activity.map((a) => a.text).join('\n')).not.toContain('removed');
  });

  it('what follows a delete, run again after a worker stop, writes no second line', async () => {
    const h = await janeOnTwo('all');
    const note = await noteFromT1(h, 'Twice');
    const task = (await h.inGhl(JANE)).tasks[0]!;
    const db = await h.db.get();
    const { ghl } = await h.run(h.connection.client());
    const effects = createOutboxEffects({
      db: h.db,
      transcripts: h.transcripts,
      now: () => h.fake.now(),
      tell: async () => {},
      notice: async () => undefined,
      timeZone: 'UTC',
      mapping: fieldMappingItem.read,
    });
    const ops: OutboxOperation[] = [
      { kind: 'task.delete', contactId: JANE, taskId: task.id },
      { kind: 'note.delete', contactId: JANE, noteId: note.id },
    ];
    for (const [i, operation] of ops.entries()) {
      const now = h.fake.now();
      const job: StoredOutboxJob = {
        ...{ id: `job-${i}`, createdAt: now, operation, status: 'sending', attempts: 0 },
        ...{ nextAttemptAt: now, sentAt: now, locationId: LOCATION },
      };
      await db.put('outbox', job);
      if (operation.kind === 'task.delete') await h.run(ghl.tasks.delete(JANE, task.id));
      else await h.run(ghl.notes.delete(JANE, note.id));
      // GHL deleted it, the outbox recorded that and ran the effects; the worker stopped before
      // deleting the job, so the next start runs them again.
      const completed = await h.run(completeJob(db, job, { kind: 'deleted' }, now));
      await h.run(effects.applied(job, { kind: 'deleted' }, completed));
    }
    await h.settle(); // the next start
    expect(await db.count('outbox')).toBe(0);

    expect(await linesLike(h, 't-1', `Task ‘${task.title}’ deleted in GHL${SUFFIX}`)).toHaveLength(
      1,
    );
    expect(await linesLike(h, 't-1', `Note ‘Twice’ removed${SUFFIX}`)).toHaveLength(1);
  });
});
