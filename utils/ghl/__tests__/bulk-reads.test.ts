import { describe, expect, it } from 'vitest';
import { systemClock } from '../../clock';
import { OPTIONAL_SCOPES } from '../api-constants';
import { GHL_ENDPOINTS as E } from '../endpoints';
import { createGhlClient } from '../ghl-client';
import { createRateLimiter } from '../rate-limiter';
import { calendarEventListResponse } from '../schemas/calendar-schemas';
import { locationTaskListResponse } from '../schemas/location-task-schemas';
import { oddRecordsOf } from '../schemas/tolerant-list';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import {
  SANDBOX_CALENDARS,
  SANDBOX_LOCATION,
  SANDBOX_TOKENS,
} from '../../../sandbox/sandbox-fixtures';
import { sandboxClient } from '../../../test/support/sandbox-client';

const DAY = 24 * 60 * 60_000;

// The bulk reads (issue 17): the location's task search and the Calendars reads, each with its
// own Version header and optional scope, and answers read record by record.

interface Sent {
  method: string;
  url: URL;
  version: string | null;
  body: unknown;
}

/** A client whose fetch records each request and answers `reply` with 200. */
function recordingClient(reply: unknown) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    sent.push({
      method: request.method,
      url: new URL(request.url),
      version: request.headers.get('version'),
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    });
    return new Response(JSON.stringify(reply), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  const client = createGhlClient({
    fetch,
    clock: systemClock,
    tokens: { getAccessToken: async () => 'token' },
    limiter: createRateLimiter({ clock: systemClock }),
  });
  return { client, sent };
}

const task = (id: string, contactId: string) => ({ id, contactId, title: `Task ${id}` });

describe('tasks.searchLocation', () => {
  it('POSTs the documented body to the location with Version 2021-07-28', async () => {
    const { client, sent } = recordingClient({ tasks: [task('t1', 'c1')] });
    const body = { contactId: ['c1', 'c2'], completed: false, limit: 50, skip: 25 };
    const tasks = await client.tasks.searchLocation('loc1', body);
    expect(tasks).toEqual([task('t1', 'c1')]);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: new URL('https://services.leadconnectorhq.com/locations/loc1/tasks/search'),
        version: '2021-07-28',
        body,
      },
    ]);
  });

  it('refuses an undocumented body field before sending (GHL would answer 422)', async () => {
    const { client, sent } = recordingClient({ tasks: [] });
    const input = { contactId: ['c1'], dueBefore: 'tomorrow' } as Parameters<
      typeof client.tasks.searchLocation
    >[1];
    await expect(client.tasks.searchLocation('loc1', input)).rejects.toMatchObject({
      kind: 'validation',
    });
    expect(sent).toEqual([]);
  });

  it('carries its optional scope, so a refusal is not the connection’s', () => {
    expect(E.searchLocationTasks.optionalScope).toBe('locations/tasks.readonly');
    expect(E.searchLocationTasks.version).toBeUndefined();
  });
});

describe('locationTaskListResponse', () => {
  it('reads a flat list of tasks', () => {
    const { tasks } = locationTaskListResponse.parse({
      tasks: [task('t1', 'c1'), task('t2', 'c2')],
    });
    expect(tasks.map((t) => [t.id, t.contactId])).toEqual([
      ['t1', 'c1'],
      ['t2', 'c2'],
    ]);
  });

  it("flattens the spec's list of lists", () => {
    const { tasks } = locationTaskListResponse.parse({
      tasks: [[task('t1', 'c1'), task('t2', 'c1')], [task('t3', 'c2')], []],
    });
    expect(tasks.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
  });

  it('takes _id as the id when there is no id, and prefers id when both are there', () => {
    const { tasks } = locationTaskListResponse.parse({
      tasks: [
        { _id: 'm1', contactId: 'c1', title: 'Mongo style', completed: true },
        { id: 'i1', _id: 'other', contactId: 'c2' },
      ],
    });
    expect(tasks.map((t) => [t.id, t.contactId, t.completed ?? null])).toEqual([
      ['m1', 'c1', true],
      ['i1', 'c2', null],
    ]);
  });

  it('skips a task without its contact, keeps one with an odd field, and says so', () => {
    const { tasks } = locationTaskListResponse.parse({
      tasks: [
        { id: 't1', title: 'No contact' },
        { _id: 't2', contactId: 'c1', dueDate: 1_700_000_000_000 },
        task('t3', 'c2'),
      ],
    });
    expect(tasks.map((t) => [t.id, t.dueDate ?? null])).toEqual([
      ['t2', null],
      ['t3', null],
    ]);
    expect(oddRecordsOf(tasks).map((odd) => [odd.id, odd.outcome])).toEqual([
      ['t1', 'skipped'],
      ['t2', 'kept'],
    ]);
  });

  it('fails an answer that has no list at all', () => {
    expect(locationTaskListResponse.safeParse({ tasks: 'nope' }).success).toBe(false);
  });
});

describe('calendars.list', () => {
  it('GETs /calendars/ for the location with Version 2021-04-15', async () => {
    const { client, sent } = recordingClient({
      calendars: [{ id: 'cal1', name: 'Sales', locationId: 'loc1' }, { name: 'no id' }],
    });
    const calendars = await client.calendars.list('loc1');
    expect(calendars.map((c) => [c.id, c.name])).toEqual([['cal1', 'Sales']]);
    expect(sent.map((s) => [s.method, s.url.pathname, s.url.search, s.version])).toEqual([
      ['GET', '/calendars/', '?locationId=loc1', '2021-04-15'],
    ]);
    expect(E.listCalendars.optionalScope).toBe('calendars.readonly');
  });
});

describe('calendars.events', () => {
  const window = { startTime: 1_680_373_800_000, endTime: 1_680_978_599_999 };

  it('GETs /calendars/events with the window in milliseconds and Version 2021-04-15', async () => {
    const event = {
      id: 'ev1',
      calendarId: 'cal1',
      contactId: 'c1',
      title: 'Intro call',
      appointmentStatus: 'confirmed',
      startTime: '2023-04-02T16:00:00+05:30',
      endTime: '2023-04-02T16:30:00+05:30',
      users: ['u1'],
    };
    const { client, sent } = recordingClient({ events: [event] });
    const events = await client.calendars.events({
      locationId: 'loc1',
      calendarId: 'cal1',
      ...window,
    });
    expect(events).toEqual([event]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.version).toBe('2021-04-15');
    expect(sent[0]!.url.pathname).toBe('/calendars/events');
    expect(Object.fromEntries(sent[0]!.url.searchParams)).toEqual({
      locationId: 'loc1',
      calendarId: 'cal1',
      startTime: '1680373800000',
      endTime: '1680978599999',
    });
    expect(E.listCalendarEvents.optionalScope).toBe('calendars/events.readonly');
  });

  it('refuses a call without calendarId, userId or groupId before sending (GHL: 400)', async () => {
    const { client, sent } = recordingClient({ events: [] });
    await expect(client.calendars.events({ locationId: 'loc1', ...window })).rejects.toMatchObject({
      kind: 'validation',
    });
    expect(sent).toEqual([]);
  });

  it('reads events record by record with the appointment shape', () => {
    const { events } = calendarEventListResponse.parse({
      events: [{ id: 'ev1', startTime: { not: 'text' }, title: 'Odd time' }, { title: 'No id' }],
    });
    expect(events.map((e) => [e.id, e.startTime ?? null, e.title])).toEqual([
      ['ev1', null, 'Odd time'],
    ]);
    expect(oddRecordsOf(events).map((odd) => odd.outcome)).toEqual(['kept', 'skipped']);
  });
});

describe('the Version header per operation', () => {
  it('is 2021-04-15 for the Calendars operations and 2021-07-28 for every other', async () => {
    const { client, sent } = recordingClient({ contact: { id: 'c1' }, calendars: [] });
    await client.contacts.get('c1');
    await client.calendars.list('loc1');
    expect(sent.map((s) => [s.url.pathname, s.version])).toEqual([
      ['/contacts/c1', '2021-07-28'],
      ['/calendars/', '2021-04-15'],
    ]);
    const calendarOps = Object.values(E).filter((e) => e.path.startsWith('/calendars'));
    expect(calendarOps.map((e) => e.version)).toEqual(['2021-04-15', '2021-04-15']);
  });

  it('asks for the three bulk-read scopes as optional ones', () => {
    expect(OPTIONAL_SCOPES).toEqual(
      expect.arrayContaining([
        'locations/tasks.readonly',
        'calendars.readonly',
        'calendars/events.readonly',
      ]),
    );
  });
});

describe('the bulk reads against the Sandbox', () => {
  const location = SANDBOX_LOCATION.id;
  const sam = 'sbxContSamLee0000001';

  it('reads tasks of several contacts, the calendars and their events', async () => {
    const sandbox = createSandbox({ clock: systemClock });
    const { client } = sandboxClient(sandbox, { clock: systemClock });
    const contacts = [sam, 'sbxContJaneDoe000002'];
    const tasks = await client.tasks.searchLocation(location, { contactId: contacts, limit: 100 });
    const seeded = [...sandbox.state.data.tasks.values()].filter((t) =>
      contacts.includes(t.contactId),
    );
    expect(new Set(seeded.map((t) => t.contactId))).toEqual(new Set(contacts));
    expect(tasks.map((t) => t.id).sort()).toEqual(seeded.map((t) => t.id).sort());
    const calendars = await client.calendars.list(location);
    expect(calendars.map((c) => c.id)).toEqual(SANDBOX_CALENDARS.map((c) => c.id));
    const now = Date.now();
    const events = await client.calendars.events({
      locationId: location,
      calendarId: calendars[0]!.id,
      startTime: now - 40 * DAY,
      endTime: now + 40 * DAY,
    });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.calendarId === calendars[0]!.id)).toBe(true);
  });

  it('is refused as missing-scope, per operation, with a token that lacks the optional scopes', async () => {
    const { client } = sandboxClient(createSandbox({ clock: systemClock }), {
      clock: systemClock,
      token: SANDBOX_TOKENS.readOnly,
    });
    const calls = [
      client.tasks.searchLocation(location, { contactId: [sam] }),
      client.calendars.list(location),
      client.calendars.events({ locationId: location, calendarId: 'c', startTime: 0, endTime: 1 }),
    ];
    for (const call of calls) {
      await expect(call).rejects.toMatchObject({ kind: 'missing-scope' });
    }
  });
});
