import { describe, expect, it } from 'vitest';
import {
  OPTIONAL_SCOPES,
  SCOPE_CONTACTS_READ,
  SCOPE_CONTACTS_WRITE,
  SCOPE_LOCATION_TASKS_READ,
} from '../../ghl/api-constants';
import { GhlError } from '../../ghl/ghl-error';
import { JANE, LOCATION, OMAR, SAM, syncUnderTest, type SyncHarness } from './sync-harness';

const MINUTE = 60_000;
const LINKED = [JANE, SAM, OMAR];

/** The paths that reached the Sandbox since `from`. */
const pathsSince = (h: SyncHarness, from: number) => h.arrivals.slice(from).map((a) => a.path);
/** GET /contacts/:id (one contact's details) among `paths`. */
const contactGets = (paths: string[]) =>
  paths.filter((p) => /^\/contacts\/[^/?]+$/.test(p) && p !== '/contacts/search');
const perContact = (paths: string[], part: string) =>
  paths.filter((p) => new RegExp(`^/contacts/[^/?]+/${part}$`).test(p));

/** Jane, Sam and Omar linked (t-1…t-3) and synced once. */
async function threeSynced(options: Parameters<typeof syncUnderTest>[0] = {}) {
  const h = syncUnderTest(options);
  for (const [i, id] of LINKED.entries()) await h.link(`t-${i + 1}`, id);
  const first = await h.run();
  expect(first).toMatchObject({ contactsChecked: 3, outcome: 'ok' });
  h.changes.length = 0;
  return h;
}

/** The next run, past every tier, and the paths it sent. */
async function nextRun(h: SyncHarness) {
  await h.fake.advance(61 * MINUTE);
  const from = h.arrivals.length;
  const run = await h.run();
  return { run, paths: pathsSince(h, from) };
}

describe('sync engine: reading in bulk (issue 17)', () => {
  it('a first sync reads the details, tasks and appointments of many contacts at once', async () => {
    const h = await threeSynced();
    const paths = pathsSince(h, 0);
    expect(contactGets(paths)).toEqual([]);
    expect(perContact(paths, 'tasks')).toEqual([]);
    expect(perContact(paths, 'appointments')).toEqual([]);
    // Notes have no bulk endpoint: each contact's are read.
    expect(perContact(paths, 'notes')).toHaveLength(3);
    expect(paths).toContain('/contacts/search');
    expect(paths).toContain(`/locations/${LOCATION}/tasks/search`);
    expect(paths.filter((p) => p.startsWith('/calendars/events?'))).toHaveLength(2); // 2 calendars
    // What the bulk reads cached is what a contact's own reads answer.
    for (const [i, id] of LINKED.entries()) {
      const view = await h.view(`t-${i + 1}`);
      const ghl = await h.control<{ contact: { email?: string }; tasks: unknown[] }>(
        'GET',
        `contacts/${id}`,
      );
      const own = await h.drive(h.client.appointments.list(id));
      expect(view.contact?.email).toBe(ghl.contact.email);
      expect(view.tasks).toHaveLength(ghl.tasks.length);
      const cached = await (await h.db.get()).getAllFromIndex('appointments', 'by-contact', id);
      expect(cached.map((a) => a.id).sort()).toEqual(own.map((a) => a.id).sort());
    }
  });

  it('nothing changed: the bulk reads and each contact’s notes, no narration', async () => {
    const h = await threeSynced();
    const { run, paths } = await nextRun(h);
    expect(run).toMatchObject({ contactsChecked: 3, changes: 0, outcome: 'ok' });
    expect(contactGets(paths)).toEqual([]);
    // The change scan, the task search, the events of each calendar, three contacts' notes.
    expect(run.requests).toBe(paths.length);
    expect(run.requests).toBeLessThan(3 * 4);
    expect(h.changes).toEqual([]);
  });

  it('a contact changed in GHL is found by the location’s change scan, without a GET of it', async () => {
    const h = await threeSynced();
    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
    const { run, paths } = await nextRun(h);
    expect(run.changes).toBe(1);
    expect(contactGets(paths)).toEqual([]);
    expect(paths.filter((p) => p === '/contacts/search')).toHaveLength(1);
    const view = await h.view('t-1');
    expect(view.fields).toMatchObject({ Email: 'jane@new.example' });
    expect(view.activity[0]!.text).toMatch(/^Contact updated in GHL: Email/);
    expect(h.changes.map((c) => c.transcriptId)).toEqual(['t-1']);
  });

  it('a contact the scan shows changed while not due is read when it falls due', async () => {
    const h = await threeSynced();
    await h.transcripts.markViewed('t-1');
    await h.transcripts.markViewed('t-2');
    // Omar (t-3, hourly) changes; Jane and Sam (viewed today) are synced every 5 min meanwhile.
    await h.control('PATCH', `contacts/${OMAR}`, { email: 'omar@new.example' });
    for (let minute = 5; minute <= 30; minute += 5) {
      await h.fake.advance(5 * MINUTE);
      // A later change moves the scans past Omar's: they no longer show him.
      if (minute === 15) await h.control('PATCH', `contacts/${SAM}`, { companyName: 'Lee & Co' });
      await h.run();
    }
    expect((await h.view('t-3')).fields).not.toMatchObject({ Email: 'omar@new.example' });
    await h.fake.advance(31 * MINUTE);
    const from = h.arrivals.length;
    await h.run();
    expect((await h.view('t-3')).fields).toMatchObject({ Email: 'omar@new.example' });
    expect(contactGets(pathsSince(h, from))).toEqual([]);
  });

  it('a change the scan showed in runs that ended before storing it is still read later', async () => {
    const h = await threeSynced();
    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
    const notes = h.client.notes.list;
    h.client.notes.list = () => Promise.reject(new GhlError('reconnect-needed', 'connection'));
    expect((await nextRun(h)).run.contactsChecked).toBe(0);
    // A later change, seen by a scan of a run that also ends early, moves the scans past Jane's.
    await h.fake.advance(3 * MINUTE);
    await h.control('PATCH', `contacts/${SAM}`, { companyName: 'Lee & Co' });
    await h.fake.advance(30_000);
    expect((await h.run()).contactsChecked).toBe(0);
    h.client.notes.list = notes;
    await h.fake.advance(5 * MINUTE);
    await h.run();
    expect((await h.view('t-1')).fields).toMatchObject({ Email: 'jane@new.example' });
    expect((await h.view('t-2')).fields).toMatchObject({ Organisation: 'Lee & Co' });
  });

  it('a task changed in GHL is seen through the location’s task search', async () => {
    const h = syncUnderTest();
    const { task } = await h.control<{ task: { id: string } }>('POST', `contacts/${SAM}/tasks`, {
      title: 'Send proposal',
    });
    for (const [i, id] of LINKED.entries()) await h.link(`t-${i + 1}`, id);
    await h.run();
    await h.control('PATCH', `contacts/${SAM}/tasks/${task.id}`, { completed: true });
    const { paths } = await nextRun(h);
    expect(perContact(paths, 'tasks')).toEqual([]);
    const view = await h.view('t-2');
    expect(view.tasks.find((t) => t.id === task.id)).toMatchObject({ completed: true });
    expect(view.activity[0]!.text).toBe('Task ‘Send proposal’ completed — Sam Lee, 26 Nov 2026');
  });

  it('without locations/tasks.readonly tasks are read contact by contact, and the popup names it', async () => {
    const scopes = [SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE, ...OPTIONAL_SCOPES].filter(
      (s) => s !== SCOPE_LOCATION_TASKS_READ,
    );
    const h = await threeSynced({ scopes });
    expect(perContact(pathsSince(h, 0), 'tasks')).toHaveLength(3);
    expect((await h.engine.status()).missingScopes).toEqual([SCOPE_LOCATION_TASKS_READ]);
    // Not asked again for a day: the next run goes straight to each contact's tasks.
    const { paths } = await nextRun(h);
    expect(paths).not.toContain(`/locations/${LOCATION}/tasks/search`);
    expect(perContact(paths, 'tasks')).toHaveLength(3);
  });

  it('a run with one contact due reads it as before: a bulk read would cost as much', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    const run = await h.run();
    expect(run.requests).toBe(4);
    expect(contactGets(pathsSince(h, 0))).toEqual([`/contacts/${JANE}`]);
  });

  it('fits the tiers into the daily budget, and the popup says so', async () => {
    const h = await threeSynced({ settings: { dailyBudgetPercent: 50 } });
    h.state.open = ['t-1'];
    expect((await h.engine.status()).budget).toBeUndefined();
    h.state.settings = { ...h.state.settings, dailyBudgetPercent: 1 };
    const status = await h.engine.status();
    expect(status.budget?.requestsPerDay).toBe(2_000);
    expect(status.budget?.stretch).toBeGreaterThan(1);
  });
});
