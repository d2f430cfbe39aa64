import { describe, expect, it } from 'vitest';
import type { OutboxJobView } from '../../messaging/write-schemas';
import { ACTIVITY_KEPT_PER_TRANSCRIPT, ACTIVITY_VIEW_LIMIT, appendActivity } from '../activity-log';
import { cachedChild } from '../../db/content-hash';
import { recordTaskWrite } from '../task-write-record';
import { JANE, LOCATION, SAM, syncUnderTest } from '../../sync/__tests__/sync-harness';

function job(id: string, changes: Partial<OutboxJobView>): OutboxJobView {
  return {
    id,
    kind: 'task.complete',
    summary: 'Complete task',
    status: 'queued',
    attempts: 0,
    createdAt: 0,
    nextAttemptAt: 0,
    ...changes,
  };
}

describe('transcript store', () => {
  it('links one primary contact: linking again replaces it, with both lines', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE, 'Jane Doe');
    await h.run(); // Jane is cached now
    await h.fake.advance(1000);
    await h.link('t-1', SAM, 'Sam Lee');
    const view = await h.view('t-1');
    expect(view.link).toEqual({ contactId: SAM, locationId: LOCATION, linkedAt: h.fake.now() });
    expect(view.activity.map((a) => a.text)).toEqual([
      'Transcript linked — Sam Lee, 26 Nov 2026',
      'Transcript unlinked — Jane Doe, 26 Nov 2026',
      'Transcript linked — Jane Doe, 26 Nov 2026',
    ]);
    // The old contact's fields and notes are not shown for the new one.
    expect(view.fields).toBeUndefined();
    expect(view.notes).toEqual([]);
    expect(await h.transcripts.linkedTranscripts(JANE)).toEqual([]);
    expect(await h.transcripts.linkedTranscripts(SAM)).toEqual(['t-1']);
  });

  it('linking to a cached contact shows its fields and notes at once; the same link is a no-op', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    await h.run();
    await h.link('t-2', JANE);
    await h.link('t-2', JANE);
    const [one, two] = [await h.view('t-1'), await h.view('t-2')];
    expect(two.fields).toEqual(one.fields);
    expect(two.notes).toEqual(one.notes);
    expect(two.activity).toHaveLength(1);
  });

  it('unlinks, keeping the title and when it was viewed', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    await h.transcripts.markViewed('t-1', { title: 'Interview with Jane' });
    expect(await h.transcripts.unlink('t-1')).toMatchObject({ contactId: JANE });
    expect(await h.transcripts.unlink('t-1')).toBeUndefined();
    const view = await h.view('t-1');
    expect(view).toMatchObject({ title: 'Interview with Jane', link: undefined, tasks: [] });
    expect(view.activity[0]!.kind).toBe('unlinked');
    const record = await (await h.db.get()).get('transcripts', 't-1');
    expect(record?.lastViewedAt).toBe(h.fake.now());
  });

  it('remembers the Trint host a transcript was seen on, through linking and unlinking', async () => {
    const h = syncUnderTest();
    const record = async () => (await h.db.get()).get('transcripts', 't-eu');
    await h.transcripts.markViewed('t-eu', { title: 'EU call' });
    expect((await record())?.trintOrigin).toBeUndefined(); // none known: app.trint.com
    await h.transcripts.markViewed('t-eu', { trintOrigin: 'https://app.eu.trint.com' });
    await h.link('t-eu', JANE);
    expect((await record())?.trintOrigin).toBe('https://app.eu.trint.com');
    await h.transcripts.markViewed('t-eu', { title: 'EU call, again' });
    expect(await h.transcripts.unlink('t-eu')).toMatchObject({ contactId: JANE });
    expect(await record()).toMatchObject({
      title: 'EU call, again',
      trintOrigin: 'https://app.eu.trint.com',
    });
  });

  it('shows the writes on their way for this transcript or its contact only', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    const pending = [
      job('a', { transcriptId: 't-1' }),
      job('b', { contactId: JANE }),
      job('c', { contactId: SAM, transcriptId: 't-9' }),
    ];
    const view = await h.transcripts.readView('t-1', pending);
    expect(view.pending.map((j) => j.id)).toEqual(['a', 'b']);
  });

  it('keeps the timeline bounded: the newest lines are shown, the oldest dropped', async () => {
    const h = syncUnderTest();
    const db = await h.db.get();
    const tx = db.transaction('activity', 'readwrite');
    const lines = Array.from({ length: ACTIVITY_KEPT_PER_TRANSCRIPT + 5 }, (_, i) => ({
      contactId: JANE,
      at: i,
      kind: 'task-added' as const,
      text: `line ${i}`,
    }));
    await appendActivity(tx.store, 't-1', lines);
    await tx.done;
    expect(
      await db.countFromIndex(
        'activity',
        'by-transcript',
        IDBKeyRange.bound(['t-1', 0], ['t-1', Infinity]),
      ),
    ).toBe(ACTIVITY_KEPT_PER_TRANSCRIPT);
    const view = await h.view('t-1');
    expect(view.activity).toHaveLength(ACTIVITY_VIEW_LIMIT);
    expect(view.activity[0]!.text).toBe(`line ${ACTIVITY_KEPT_PER_TRANSCRIPT + 4}`);
  });

  it('a task a person completed from the panel is narrated once, not again by the sync', async () => {
    const h = syncUnderTest();
    const { task } = await h.control<{ task: { id: string; title: string } }>(
      'POST',
      `contacts/${JANE}/tasks`,
      { title: 'Send proposal' },
    );
    await h.link('t-1', JANE);
    await h.run();
    // The outbox sent it and GHL answered with the completed task.
    const done = await h.drive(h.client.tasks.setCompleted(JANE, task.id, true));
    const changes = await recordTaskWrite(await h.db.get(), {
      contactId: JANE,
      locationId: LOCATION,
      task: done,
      at: h.fake.now(),
      timeZone: 'UTC',
    });
    expect(changes).toEqual([
      { transcriptId: 't-1', contactId: JANE, what: ['tasks', 'activity'] },
    ]);
    await h.fake.advance(61 * 60_000);
    expect((await h.run()).changes).toBe(0);
    const texts = (await h.view('t-1')).activity.map((a) => a.text);
    expect(texts.filter((t) => t.startsWith('Task ‘Send proposal’ completed'))).toHaveLength(1);
  });

  it('attaches a note made from a panel once, and only while the transcript links to its contact', async () => {
    const h = syncUnderTest({ settings: { notes: 'pinned' } });
    await h.link('t-1', JANE);
    await h.link('t-2', SAM);
    await h.run();
    const note = { id: 'noteFromPanel0000001', body: 'Budget approved', contactId: JANE };
    // The outbox caches GHL's answer before its effects run.
    await (await h.db.get()).put('notes', cachedChild(note, JANE, h.fake.now()));

    expect(await h.transcripts.attachNote('t-1', JANE, note)).toBe(true);
    // The outbox may run its effects again after a restart: nothing changes the second time.
    expect(await h.transcripts.attachNote('t-1', JANE, note)).toBe(false);
    expect(await h.transcripts.attachNote('t-2', JANE, note)).toBe(false);
    expect(await h.transcripts.attachNote('t-9', JANE, note)).toBe(false);

    const view = await h.view('t-1');
    expect(view.notes.map((n) => n.id)).toContain(note.id);
    expect(view.activity.filter((a) => a.kind === 'note-attached')).toMatchObject([
      { recordId: note.id, text: 'Note ‘Budget approved’ attached — Jane Doe, 26 Nov 2026' },
    ]);
    expect((await h.view('t-2')).notes.map((n) => n.id)).not.toContain(note.id);
  });
});
