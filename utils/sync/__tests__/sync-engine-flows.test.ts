import { describe, expect, it } from 'vitest';
import { JANE, SAM, syncUnderTest, type SyncHarness } from './sync-harness';

const MINUTE = 60_000;

/** Jane linked from two transcripts, synced once (the baseline), clock moved past every tier. */
async function janeSynced(options: Parameters<typeof syncUnderTest>[0] = {}) {
  const h = syncUnderTest(options);
  await h.link('t-1', JANE, 'Jane Doe');
  await h.link('t-2', JANE, 'Jane Doe');
  const first = await h.run();
  expect(first.contactsChecked).toBe(1);
  h.changes.length = 0;
  return h;
}

async function nextDueRun(h: SyncHarness) {
  await h.fake.advance(61 * MINUTE);
  return h.run();
}

function lines(view: Awaited<ReturnType<SyncHarness['view']>>) {
  return view.activity.map((a) => a.text);
}

describe('sync engine: the three flows', () => {
  it('first sync records a baseline: fields and notes, no line per task or note', async () => {
    const h = await janeSynced();
    const view = await h.view('t-1');
    expect(view.fields).toMatchObject({ 'Speaker name': 'Jane Doe', Organisation: 'Acme Corp' });
    expect(view.syncedAt).toBe(h.fake.now());
    expect(lines(view)).toEqual(['Transcript linked — Jane Doe, 26 Nov 2026']);
    const ghl = await h.control<{ tasks: unknown[]; notes: unknown[] }>('GET', `contacts/${JANE}`);
    expect(view.tasks).toHaveLength(ghl.tasks.length);
    expect(view.notes).toHaveLength(ghl.notes.length);
  });

  it('a contact edited in GHL updates the cache, each record and tells open panels', async () => {
    const h = await janeSynced();
    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example', tags: ['vip'] });
    const run = await nextDueRun(h);
    expect(run.changes).toBe(1);
    for (const id of ['t-1', 't-2']) {
      const view = await h.view(id);
      expect(view.contact).toMatchObject({ email: 'jane@new.example' });
      expect(view.fields).toMatchObject({ Email: 'jane@new.example', Tags: 'vip' });
      expect(lines(view)[0]).toBe('Contact updated in GHL: Email, Tags — Jane Doe, 26 Nov 2026');
      expect(view.activity[0]!.url).toBe(
        `https://app.gohighlevel.com/v2/location/sbxLoc7Trint00000001/contacts/detail/${JANE}`,
      );
    }
    expect(h.changes.map((c) => c.transcriptId).sort()).toEqual(['t-1', 't-2']);
    expect(h.changes[0]!.what).toContain('contact');
  });

  it('nothing changed in GHL: no lines, no panel messages, no changes counted', async () => {
    const h = await janeSynced();
    const run = await nextDueRun(h);
    expect(run).toMatchObject({ contactsChecked: 1, changes: 0, requests: 4, outcome: 'ok' });
    expect(h.changes).toEqual([]);
    expect(lines(await h.view('t-1'))).toHaveLength(1);
  });

  it('a task completed in GHL is cached completed and narrated on each linked transcript', async () => {
    const h = syncUnderTest();
    const { task } = await h.control<{ task: { id: string } }>('POST', `contacts/${JANE}/tasks`, {
      title: 'Send proposal',
    });
    await h.link('t-1', JANE);
    await h.link('t-2', JANE);
    await h.run();
    await h.control('PATCH', `contacts/${JANE}/tasks/${task.id}`, { completed: true });
    await nextDueRun(h);
    for (const id of ['t-1', 't-2']) {
      const view = await h.view(id);
      expect(view.tasks.find((t) => t.id === task.id)).toMatchObject({ completed: true });
      expect(view.activity[0]).toMatchObject({
        kind: 'task-status',
        recordId: task.id,
        text: 'Task ‘Send proposal’ completed — Jane Doe, 26 Nov 2026',
      });
    }
    await h.control('PATCH', `contacts/${JANE}/tasks/${task.id}`, { completed: false });
    await nextDueRun(h);
    expect(lines(await h.view('t-1'))[0]).toBe(
      'Task ‘Send proposal’ reopened — Jane Doe, 26 Nov 2026',
    );
  });

  it('new and deleted tasks are shown; open tasks come first', async () => {
    const h = await janeSynced();
    const { task } = await h.control<{ task: { id: string } }>('POST', `contacts/${JANE}/tasks`, {
      title: 'Call back',
    });
    await nextDueRun(h);
    let view = await h.view('t-1');
    expect(lines(view)[0]).toBe('Task ‘Call back’ added — Jane Doe, 26 Nov 2026');
    const firstDone = view.tasks.findIndex((t) => t.completed);
    if (firstDone >= 0) expect(view.tasks.slice(firstDone).every((t) => t.completed)).toBe(true);
    await h.control('DELETE', `contacts/${JANE}/tasks/${task.id}`);
    await nextDueRun(h);
    view = await h.view('t-1');
    expect(lines(view)[0]).toBe('Task ‘Call back’ deleted in GHL — Jane Doe, 26 Nov 2026');
    expect(view.tasks.some((t) => t.id === task.id)).toBe(false);
  });

  it('a new note is attached to every linked transcript; edits and deletions are narrated', async () => {
    const h = await janeSynced();
    const { note } = await h.control<{ note: { id: string } }>('POST', `contacts/${JANE}/notes`, {
      body: 'Prefers calls after 3pm',
      pinned: true,
    });
    await nextDueRun(h);
    const view = await h.view('t-2');
    expect(view.notes[0]).toMatchObject({ id: note.id, body: 'Prefers calls after 3pm' });
    expect(lines(view)[0]).toBe('Note ‘Prefers calls after 3pm’ attached — Jane Doe, 26 Nov 2026');
    await h.control('PATCH', `contacts/${JANE}/notes/${note.id}`, { body: 'Calls after 4pm' });
    await nextDueRun(h);
    expect(lines(await h.view('t-2'))[0]).toBe(
      'Note ‘Calls after 4pm’ updated — Jane Doe, 26 Nov 2026',
    );
    await h.drive(h.client.notes.delete(JANE, note.id)); // a teammate deletes it in GHL
    await nextDueRun(h);
    const after = await h.view('t-2');
    expect(after.notes.some((n) => n.id === note.id)).toBe(false);
    expect(lines(after)[0]).toBe('Note ‘Calls after 4pm’ removed — Jane Doe, 26 Nov 2026');
  });

  it("with notes: 'pinned', only pinned notes are attached; unpinning removes one", async () => {
    const h = await janeSynced({ settings: { notes: 'pinned' } });
    const pinned = await h.control<{ note: { id: string } }>('POST', `contacts/${JANE}/notes`, {
      body: 'Key: budget approved',
      pinned: true,
    });
    const plain = await h.control<{ note: { id: string } }>('POST', `contacts/${JANE}/notes`, {
      body: 'Small talk about the weather',
    });
    await nextDueRun(h);
    let view = await h.view('t-1');
    expect(view.notes.every((n) => n.pinned === true)).toBe(true);
    expect(view.notes.map((n) => n.id)).toContain(pinned.note.id);
    expect(view.notes.map((n) => n.id)).not.toContain(plain.note.id);
    await h.control('PATCH', `contacts/${JANE}/notes/${pinned.note.id}`, { pinned: false });
    await nextDueRun(h);
    view = await h.view('t-1');
    expect(view.notes.map((n) => n.id)).not.toContain(pinned.note.id);
    expect(lines(view)[0]).toBe('Note ‘Key: budget approved’ removed — Jane Doe, 26 Nov 2026');
  });

  it('a contact deleted in GHL is marked, shown once, and the run goes on', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    await h.link('t-3', SAM);
    await h.run();
    await h.control('DELETE', `contacts/${JANE}`);
    const run = await nextDueRun(h);
    expect(run).toMatchObject({ contactsChecked: 2, outcome: 'ok', errors: [] });
    const view = await h.view('t-1');
    expect(view.contactDeletedAt).toBe(h.fake.now());
    expect(view.contact).toMatchObject({ firstName: 'Jane' });
    expect(lines(view)[0]).toBe('Contact deleted in GHL — Jane Doe, 26 Nov 2026');
    // A deleted contact is not asked about again on schedule.
    const again = await nextDueRun(h);
    expect(again.contactsChecked).toBe(1);
    expect(lines(await h.view('t-1'))).toHaveLength(2);
  });

  it('a panel opening refreshes its contact at once, at user priority, recorded as a run', async () => {
    const h = await janeSynced();
    await h.control('PATCH', `contacts/${JANE}`, { phone: '+15550000000' });
    await h.fake.advance(5_000);
    const run = await h.drive(h.engine.refreshContact(JANE));
    expect(run).toMatchObject({ trigger: 'panel-open', contactsChecked: 1, changes: 1 });
    expect((await h.view('t-1')).fields).toMatchObject({ Phone: '+15550000000' });
    expect(h.changes).toHaveLength(2);
  });
});
