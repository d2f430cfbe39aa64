import { describe, expect, it } from 'vitest';
import { OPTIONAL_SCOPES, SCOPE_CONTACTS_READ } from '../../utils/ghl/api-constants';
import { SANDBOX_CALENDARS, SANDBOX_LOCATION, SANDBOX_TOKENS } from '../sandbox-fixtures';
import { MAX_TASK_SEARCH_LIMIT } from '../routes/location-task-routes';
import { sandboxUnderTest } from './sandbox-requests';

const LOC = SANDBOX_LOCATION.id;
const OTHER = 'sbxLoc7Other00000002';
const CALENDARS = '2021-04-15';
const DAY = 24 * 60 * 60_000;
const SEARCH = `/locations/${LOC}/tasks/search`;

/** A token with every scope the extension asks for but `missing`. */
function tokenWithout(under: ReturnType<typeof sandboxUnderTest>, missing: string) {
  const scopes = ['contacts.write', SCOPE_CONTACTS_READ, ...OPTIONAL_SCOPES];
  return under.sandbox.state.auth.mint({ scopes: scopes.filter((s) => s !== missing) });
}

describe('POST /locations/{locationId}/tasks/search', () => {
  const search = (under: ReturnType<typeof sandboxUnderTest>, body: object, token?: string) =>
    under.send(SEARCH, { method: 'POST', body, token });

  it("finds the listed contacts' tasks, flat, each with its contactId", async () => {
    const under = sandboxUnderTest();
    const tasks = [...under.sandbox.state.data.tasks.values()];
    const contacts = [...new Set(tasks.map((t) => t.contactId))].slice(0, 3);
    const expected = tasks.filter((t) => contacts.includes(t.contactId)).map((t) => t.id);
    const answer = await search(under, { contactId: contacts, limit: 100 });
    expect(answer.status).toBe(200);
    expect(answer.json.tasks.map((t: { id: string }) => t.id).sort()).toEqual(expected.sort());
    for (const task of answer.json.tasks) {
      expect(contacts).toContain(task.contactId);
      expect(task).toMatchObject({ id: expect.any(String), title: expect.any(String) });
    }
  });

  it('filters by status, assignee and text', async () => {
    const under = sandboxUnderTest();
    const tasks = [...under.sandbox.state.data.tasks.values()];
    const done = await search(under, { completed: true, limit: 100 });
    expect(done.json.tasks.length).toBe(Math.min(100, tasks.filter((t) => t.completed).length));
    expect(done.json.tasks.every((t: { completed: boolean }) => t.completed)).toBe(true);
    const someone = tasks.find((t) => t.assignedTo)!.assignedTo!;
    const theirs = await search(under, { assignedTo: [someone], limit: 100 });
    expect(theirs.json.tasks.every((t: { assignedTo: string }) => t.assignedTo === someone)).toBe(
      true,
    );
    const title = tasks[0]!.title;
    const byText = await search(under, { query: title.toUpperCase(), limit: 100 });
    expect(byText.json.tasks.map((t: { id: string }) => t.id)).toContain(tasks[0]!.id);
  });

  it('pages 25 by default, with limit and skip, and at most 100 a page', async () => {
    const under = sandboxUnderTest({ contacts: 200 });
    const total = under.sandbox.state.data.tasks.size;
    expect(total).toBeGreaterThan(MAX_TASK_SEARCH_LIMIT);
    const first = await search(under, {});
    expect(first.json.tasks).toHaveLength(25);
    const next = await search(under, { limit: 25, skip: 25 });
    const ids = (answer: typeof first) => answer.json.tasks.map((t: { id: string }) => t.id);
    expect(ids(next)).toHaveLength(25);
    expect(ids(next).filter((id: string) => ids(first).includes(id))).toEqual([]);
    const both = await search(under, { limit: 50 });
    expect(ids(both)).toEqual([...ids(first), ...ids(next)]);
    expect((await search(under, { limit: 500 })).json.tasks).toHaveLength(MAX_TASK_SEARCH_LIMIT);
    expect((await search(under, { skip: total })).json.tasks).toEqual([]);
  });

  it('refuses an unknown body property with 422', async () => {
    const under = sandboxUnderTest();
    const answer = await search(under, { contactId: ['x'], dueBefore: 'tomorrow' });
    expect(answer).toMatchObject({
      status: 422,
      json: { statusCode: 422, message: ['property dueBefore should not exist'] },
    });
  });

  it('refuses a token without locations/tasks.readonly with 401, and the read-only token', async () => {
    const under = sandboxUnderTest();
    for (const token of [
      tokenWithout(under, 'locations/tasks.readonly'),
      SANDBOX_TOKENS.readOnly,
    ]) {
      expect(await search(under, {}, token)).toMatchObject({
        status: 401,
        json: { message: 'The token is not authorized for this scope.' },
      });
    }
  });

  it('takes only Version 2021-07-28', async () => {
    const under = sandboxUnderTest();
    const answer = await under.send(SEARCH, { method: 'POST', body: {}, version: CALENDARS });
    expect(answer).toMatchObject({ status: 400, json: { message: 'Invalid version header' } });
  });

  it("refuses another location's search with 403", async () => {
    const under = sandboxUnderTest();
    const answer = await under.send(`/locations/${OTHER}/tasks/search`, {
      method: 'POST',
      body: {},
    });
    expect(answer.status).toBe(403);
  });
});

describe('GET /calendars/', () => {
  const list = (under: ReturnType<typeof sandboxUnderTest>, query: string, token?: string) =>
    under.send(`/calendars/${query}`, { version: CALENDARS, token });

  it("lists the location's calendars, which the seeded appointments belong to", async () => {
    const under = sandboxUnderTest();
    const answer = await list(under, `?locationId=${LOC}`);
    expect(answer.status).toBe(200);
    expect(answer.json.calendars.map((c: { id: string }) => c.id)).toEqual(
      SANDBOX_CALENDARS.map((c) => c.id),
    );
    expect(answer.json.calendars[0]).toMatchObject({ locationId: LOC, name: 'Sales calls' });
    const used = new Set(
      [...under.sandbox.state.data.appointments.values()].map((a) => a.calendarId),
    );
    expect([...used].sort()).toEqual(SANDBOX_CALENDARS.map((c) => c.id).sort());
  });

  it('answers 400 without locationId, with an unknown parameter, and with Version 2021-07-28', async () => {
    const under = sandboxUnderTest();
    expect((await list(under, '')).status).toBe(400);
    expect((await list(under, `?locationId=${LOC}&limit=5`)).json.message).toEqual([
      'property limit should not exist',
    ]);
    const wrong = await under.send(`/calendars/?locationId=${LOC}`, { version: '2021-07-28' });
    expect(wrong).toMatchObject({ status: 400, json: { message: 'Invalid version header' } });
  });

  it('refuses a token without calendars.readonly with 401', async () => {
    const under = sandboxUnderTest();
    const answer = await list(
      under,
      `?locationId=${LOC}`,
      tokenWithout(under, 'calendars.readonly'),
    );
    expect(answer).toMatchObject({
      status: 401,
      json: { message: expect.stringMatching(/scope/) },
    });
  });
});

describe('GET /calendars/events', () => {
  const events = (
    under: ReturnType<typeof sandboxUnderTest>,
    query: Record<string, string>,
    token?: string,
  ) => under.send(`/calendars/events?${new URLSearchParams(query)}`, { version: CALENDARS, token });

  function window(under: ReturnType<typeof sandboxUnderTest>, fromDays: number, toDays: number) {
    const now = under.fake.clock.now();
    return { startTime: String(now + fromDays * DAY), endTime: String(now + toDays * DAY) };
  }

  it("answers the calendar's appointments whose start falls in the window", async () => {
    const under = sandboxUnderTest();
    const calendarId = SANDBOX_CALENDARS[1].id;
    const range = window(under, -5, 10);
    const startOf = (time: string) => Date.parse(`${time.replace(' ', 'T')}Z`);
    const expected = [...under.sandbox.state.data.appointments.values()]
      .filter((a) => a.calendarId === calendarId)
      .filter((a) => {
        const start = startOf(a.startTime);
        return start >= Number(range.startTime) && start <= Number(range.endTime);
      })
      .map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    const answer = await events(under, { locationId: LOC, calendarId, ...range });
    expect(answer.status).toBe(200);
    expect(answer.json.events.map((e: { id: string }) => e.id).sort()).toEqual(expected.sort());
    expect(answer.json.events[0]).toMatchObject({
      calendarId,
      locationId: LOC,
      groupId: SANDBOX_CALENDARS[1].groupId,
      startTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
    });
  });

  it("by group finds both calendars' appointments; by user, that user's", async () => {
    const under = sandboxUnderTest();
    const range = window(under, -40, 40);
    const all = under.sandbox.state.data.appointments.size;
    const byGroup = await events(under, {
      locationId: LOC,
      groupId: SANDBOX_CALENDARS[0].groupId,
      ...range,
    });
    expect(byGroup.json.events).toHaveLength(all);
    const user = [...under.sandbox.state.data.appointments.values()][0]!.assignedUserId;
    const byUser = await events(under, { locationId: LOC, userId: user, ...range });
    expect(byUser.json.events.length).toBeGreaterThan(0);
    expect(byUser.json.events.length).toBeLessThan(all);
    expect(byUser.json.events.every((e: { users: string[] }) => e.users.includes(user))).toBe(true);
  });

  it('answers 400 without calendarId, userId or groupId, or without the window', async () => {
    const under = sandboxUnderTest();
    const range = window(under, 0, 1);
    const none = await events(under, { locationId: LOC, ...range });
    expect(none).toMatchObject({
      status: 400,
      json: { message: ['Either of calendarId, userId or groupId is required'] },
    });
    const noWindow = await events(under, { locationId: LOC, calendarId: SANDBOX_CALENDARS[0].id });
    expect(noWindow.status).toBe(400);
    expect(noWindow.json.message).toEqual([
      'startTime should not be empty',
      'endTime should not be empty',
    ]);
    const notMillis = await events(under, {
      locationId: LOC,
      calendarId: SANDBOX_CALENDARS[0].id,
      startTime: '2026-01-01',
      endTime: range.endTime,
    });
    expect(notMillis.status).toBe(400);
  });

  it('takes only Version 2021-04-15', async () => {
    const under = sandboxUnderTest();
    const query = new URLSearchParams({ locationId: LOC, calendarId: 'x', ...window(under, 0, 1) });
    const answer = await under.send(`/calendars/events?${query}`, { version: '2021-07-28' });
    expect(answer).toMatchObject({ status: 400, json: { message: 'Invalid version header' } });
  });

  it('refuses a token without calendars/events.readonly with 401', async () => {
    const under = sandboxUnderTest();
    const token = tokenWithout(under, 'calendars/events.readonly');
    const query = { locationId: LOC, calendarId: SANDBOX_CALENDARS[0].id, ...window(under, 0, 1) };
    expect((await events(under, query, token)).status).toBe(401);
  });

  it('counts against the location’s rate limit like every route', async () => {
    const under = sandboxUnderTest();
    const query = { locationId: LOC, calendarId: SANDBOX_CALENDARS[0].id, ...window(under, 0, 1) };
    const answer = await events(under, query);
    expect(answer.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(under.sandbox.state.counters.total).toBe(1);
  });
});
