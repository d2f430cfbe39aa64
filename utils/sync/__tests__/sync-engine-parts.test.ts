import { describe, expect, it } from 'vitest';
import type { ContactPart } from '../../transcripts/contact-parts';
import { listRuns } from '../sync-runs';
import { JANE, syncUnderTest, type SyncHarness } from './sync-harness';

const MINUTE = 60_000;

/** What each GHL read a sync makes is about, from the path that reached the Sandbox. */
const KIND_OF: Record<string, ContactPart> = {
  '': 'contactDetails',
  '/tasks': 'tasks',
  '/notes': 'notes',
  '/appointments': 'appointments',
};

/** The reads of Jane's parts that reached the Sandbox since `from`, in order. */
function readsSince(h: SyncHarness, from: number): ContactPart[] {
  return h.arrivals
    .slice(from)
    .map((a) => /^\/contacts\/[^/?]+(\/\w+)?$/.exec(a.path))
    .map((match) => (match ? KIND_OF[match[1] ?? ''] : undefined))
    .filter((kind): kind is ContactPart => kind !== undefined);
}

/** Jane linked from t-1 and synced once with every part on (the baseline). */
async function janeSynced() {
  const h = syncUnderTest();
  await h.link('t-1', JANE, 'Jane Doe');
  await h.run();
  h.changes.length = 0;
  return h;
}

/** The next run, past every tier; `arrivals` index before it, to count its reads. */
async function nextRun(h: SyncHarness) {
  await h.fake.advance(61 * MINUTE);
  const from = h.arrivals.length;
  const run = await h.run();
  return { run, reads: readsSince(h, from) };
}

const lines = async (h: SyncHarness) => (await h.view('t-1')).activity.map((a) => a.text);
const cached = async (h: SyncHarness, store: 'tasks' | 'notes' | 'appointments') =>
  (await (await h.db.get()).getAllFromIndex(store, 'by-contact', JANE)).map((r) => r.id).sort();
const record = async (h: SyncHarness) => (await h.db.get()).get('transcripts', 't-1');

describe('sync engine: what to sync', () => {
  it.each<[ContactPart, Partial<SyncHarness['state']['settings']>]>([
    ['contactDetails', { contactDetails: false }],
    ['tasks', { tasks: false }],
    ['notes', { notes: 'off' }],
    ['appointments', { appointments: false }],
  ])(
    '%s switched off is never asked of GHL, and the run counts one request less',
    async (part, off) => {
      const h = syncUnderTest({ settings: off });
      await h.link('t-1', JANE, 'Jane Doe');
      const first = await h.run();
      expect(first).toMatchObject({ contactsChecked: 1, requests: 3, outcome: 'ok' });
      expect(readsSince(h, 0)).not.toContain(part);
      expect(readsSince(h, 0)).toHaveLength(3);
      const { run, reads } = await nextRun(h);
      expect(run.requests).toBe(3);
      expect(reads).not.toContain(part);
    },
  );

  it('the run history shows the requests saved', async () => {
    const h = await janeSynced();
    Object.assign(h.state.settings, { tasks: false, notes: 'off', appointments: false });
    await nextRun(h);
    h.state.settings.contactDetails = false;
    await nextRun(h);
    const runs = await listRuns(await h.db.get());
    expect(runs.map((r) => [r.requests, r.contactsChecked])).toEqual([
      [0, 1],
      [1, 1],
      [4, 1],
    ]);
    // Every part off: nothing to ask, yet the contact counts as synced (not due every alarm).
    await h.fake.advance(5 * MINUTE);
    expect((await h.run()).outcome).toBe('skipped');
    expect(await lines(h)).toEqual(['Transcript linked — Jane Doe, 26 Nov 2026']);
  });

  it('tasks switched off: changes in GHL are not narrated, nothing is "deleted"; back on, a baseline', async () => {
    const h = await janeSynced();
    const before = await cached(h, 'tasks');
    expect(before.length).toBeGreaterThan(0);
    h.state.settings.tasks = false;
    await h.control('DELETE', `contacts/${JANE}/tasks/${before[0]}`);
    await h.control('POST', `contacts/${JANE}/tasks`, { title: 'Added while off' });
    const off = await nextRun(h);
    expect(off.run.changes).toBe(0);
    expect(await lines(h)).toHaveLength(1);
    expect(await cached(h, 'tasks')).toEqual(before);
    const hidden = await h.view('t-1');
    expect(hidden.tasks).toEqual([]);
    expect(hidden.shows?.tasks).toBe(false);
    expect(h.changes.flatMap((c) => c.what)).toContain('tasks');

    h.state.settings.tasks = true;
    h.changes.length = 0;
    const on = await nextRun(h);
    expect(on.run.changes).toBe(0);
    expect(await lines(h)).toHaveLength(1);
    const ghl = await h.control<{ tasks: { id: string }[] }>('GET', `contacts/${JANE}`);
    expect(await cached(h, 'tasks')).toEqual(ghl.tasks.map((t) => t.id).sort());
    expect((await h.view('t-1')).tasks.map((t) => t.title)).toContain('Added while off');
    expect(h.changes.flatMap((c) => c.what)).toContain('tasks');

    // From then on, changes are narrated again.
    await h.control('POST', `contacts/${JANE}/tasks`, { title: 'Call back' });
    await nextRun(h);
    expect((await lines(h))[0]).toBe('Task ‘Call back’ added — Jane Doe, 26 Nov 2026');
  });

  it('notes switched off: the record keeps its notes, no line; back on, new notes attach without lines', async () => {
    const h = await janeSynced();
    const attached = (await record(h))!.noteIds;
    expect(attached.length).toBeGreaterThan(0);
    h.state.settings.notes = 'off';
    const { note } = await h.control<{ note: { id: string } }>('POST', `contacts/${JANE}/notes`, {
      body: 'Written while notes were off',
    });
    await h.drive(h.client.notes.delete(JANE, attached[0]!)); // a teammate deletes one in GHL
    await nextRun(h);
    expect((await record(h))!.noteIds).toEqual(attached);
    expect(await lines(h)).toHaveLength(1);
    expect((await h.view('t-1')).notes).toEqual([]);

    h.state.settings.notes = 'all';
    await nextRun(h);
    const noteIds = (await record(h))!.noteIds;
    expect(noteIds).toContain(note.id);
    expect(noteIds).not.toContain(attached[0]);
    expect(await lines(h)).toHaveLength(1);
    expect((await h.view('t-1')).notes.map((n) => n.id)).toContain(note.id);
  });

  it('contact details switched off: no GET, fields as they were, no line; back on, fields refreshed silently', async () => {
    const h = await janeSynced();
    const fields = (await record(h))!.fields;
    expect(fields).toMatchObject({ 'Speaker name': 'Jane Doe' });
    h.state.settings.contactDetails = false;
    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@off.example' });
    const off = await nextRun(h);
    expect(off.reads).not.toContain('contactDetails');
    expect((await record(h))!.fields).toEqual(fields);
    expect(await lines(h)).toHaveLength(1);
    const view = await h.view('t-1');
    expect(view.contact).toMatchObject({ firstName: 'Jane' }); // the card keeps the name
    expect(view.mapped).toEqual([]);

    h.state.settings.contactDetails = true;
    const on = await nextRun(h);
    expect(on.run.changes).toBe(0);
    expect((await record(h))!.fields).toMatchObject({ Email: 'jane@off.example' });
    expect(await lines(h)).toHaveLength(1);
    await h.control('PATCH', `contacts/${JANE}`, { phone: '+15550000001' });
    await nextRun(h);
    expect((await lines(h))[0]).toBe('Contact updated in GHL: Phone — Jane Doe, 26 Nov 2026');
  });

  it('appointments switched off are left as cached; back on, replaced without a line', async () => {
    const h = await janeSynced();
    const before = await cached(h, 'appointments');
    h.state.settings.appointments = false;
    const ghl = h.sandbox.state.data.appointments;
    for (const [id, a] of ghl) if (a.contactId === JANE) ghl.delete(id);
    await nextRun(h);
    expect(await cached(h, 'appointments')).toEqual(before);
    expect((await h.view('t-1')).appointments).toEqual([]);
    h.state.settings.appointments = true;
    await nextRun(h);
    expect(await cached(h, 'appointments')).toEqual([]);
    expect(await lines(h)).toHaveLength(1);
  });

  it('a contact deleted in GHL is still noticed with details off, by a list under it', async () => {
    const h = await janeSynced();
    Object.assign(h.state.settings, { contactDetails: false, notes: 'off', appointments: false });
    await h.control('DELETE', `contacts/${JANE}`);
    const { run, reads } = await nextRun(h);
    expect(reads).toEqual(['tasks']);
    expect(run).toMatchObject({ errors: [], contactsChecked: 1 });
    expect((await h.view('t-1')).contactDeletedAt).toBe(h.fake.now());
    expect((await lines(h))[0]).toBe('Contact deleted in GHL — Jane Doe, 26 Nov 2026');
  });
});
