import { expect, it } from 'vitest';
import type { TrafficEntry } from '../../sandbox/traffic-log';
import { describeWithSpec, requireSpec } from './spec-suite';
import { checkTrafficEntry } from './traffic-check';
import { checkTrafficLog } from './traffic-log-check';

/** A call the spec allows: POST /contacts/:contactId/notes as the client sends it. */
const NOTE_CALL: TrafficEntry = {
  method: 'POST',
  path: '/contacts/sbxContSamLee0000001/notes',
  headers: {
    version: '2021-07-28',
    authorization: 'Bearer ***',
    'content-type': 'application/json',
  },
  body: { body: 'Discussed pricing.', title: 'Call' },
  status: 201,
  response: { note: { id: 'sbxNote1', body: 'Discussed pricing.' } },
};
const NOTES = 'POST /contacts/sbxContSamLee0000001/notes';

const TOKEN_CALL: TrafficEntry = {
  method: 'POST',
  path: '/oauth/token',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'client_id=sbx-client&client_secret=***&grant_type=authorization_code&code=***&redirect_uri=https%3A%2F%2Fexample.chromiumapp.org%2Fcb',
  status: 200,
  response: { access_token: '***', userId: 'u1' },
};

function withoutHeader(name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(NOTE_CALL.headers).filter(([key]) => key !== name));
}

function check(changes: Partial<TrafficEntry>, base: TrafficEntry = NOTE_CALL): string[] {
  return checkTrafficEntry(requireSpec(), { ...base, ...changes });
}

describeWithSpec('checkTrafficEntry', () => {
  it('passes calls the spec allows', () => {
    expect(check({})).toEqual([]);
    expect(check({}, TOKEN_CALL)).toEqual([]);
    expect(
      check({ method: 'GET', path: '/contacts/?locationId=L1&limit=5', body: null, status: 200 }),
    ).toEqual([]);
  });

  it('knows the bulk reads, each with its own Version (apps/locations.json, apps/calendars.json)', () => {
    const read = { method: 'GET', body: null, status: 200, response: null };
    const calendars = { ...NOTE_CALL.headers, version: '2021-04-15' };
    const events = '/calendars/events?locationId=L1&calendarId=C1&startTime=1&endTime=2';
    expect(
      check({ path: '/locations/L1/tasks/search', body: { contactId: ['c1'] }, status: 200 }),
    ).toEqual([]);
    expect(
      check({ path: '/locations/L1/tasks/search', body: { contactIds: ['c1'] }, status: 200 }),
    ).toEqual([
      'POST /locations/L1/tasks/search: body.contactIds: unknown property (not in the spec)',
    ]);
    expect(check({ ...read, headers: calendars, path: '/calendars/?locationId=L1' })).toEqual([]);
    expect(check({ ...read, headers: calendars, path: events })).toEqual([]);
    expect(check({ ...read, path: events })).toEqual([
      'GET /calendars/events: header version is "2021-07-28", documented: "2021-04-15"',
    ]);
    expect(check({ ...read, headers: calendars, path: '/calendars/events?locationId=L1' })).toEqual(
      [
        'GET /calendars/events: query parameter "startTime" is required but missing',
        'GET /calendars/events: query parameter "endTime" is required but missing',
      ],
    );
  });

  it('knows the two reads for names (apps/users.json, apps/locations.json)', () => {
    const read = { method: 'GET', body: null, status: 200, response: null };
    expect(check({ ...read, path: '/users/?locationId=L1', response: { users: [] } })).toEqual([]);
    expect(
      check({
        ...read,
        path: '/locations/L1/customFields?model=contact',
        response: { customFields: [] },
      }),
    ).toEqual([]);
    expect(check({ ...read, path: '/users/', response: { users: [] } })).toEqual([
      'GET /users/: query parameter "locationId" is required but missing',
    ]);
  });

  it('reports a missing Version header', () => {
    expect(check({ headers: withoutHeader('version') })).toEqual([
      `${NOTES}: header version is missing (documented: "2021-07-28")`,
    ]);
  });

  it('reports a Version the spec does not list', () => {
    expect(check({ headers: { ...NOTE_CALL.headers, version: '2021-04-15' } })).toEqual([
      `${NOTES}: header version is "2021-04-15", documented: "2021-07-28"`,
    ]);
  });

  it('reports a missing token', () => {
    expect(check({ headers: withoutHeader('authorization') })).toEqual([
      `${NOTES}: header authorization is missing (the operation needs a bearer token)`,
    ]);
  });

  it('reports an unknown body property and a wrong type', () => {
    expect(check({ body: { body: 'x', bogus: 1, pinned: 'yes' } })).toEqual([
      `${NOTES}: body.bogus: unknown property (not in the spec)`,
      `${NOTES}: body.pinned: expected boolean, got string`,
    ]);
  });

  it('reports a missing required body field', () => {
    expect(check({ body: { title: 'no body' } })).toEqual([
      `${NOTES}: body.body: required but missing`,
    ]);
  });

  it('checks search bodies against the documented search fields', () => {
    const search = { method: 'POST', path: '/contacts/search', status: 200 };
    expect(check({ ...search, body: { locationId: 'L1', pageLimit: 5 } })).toEqual([]);
    expect(check({ ...search, body: { locationId: 'L1', pageLimit: 5, limit: 5 } })).toEqual([
      "POST /contacts/search: body.limit: unknown property (not in GHL's search docs)",
    ]);
  });

  // Judged by GHL's documented rules (sandbox/documented-search-body.ts), not the product's schema.
  it.each([
    ['no pageLimit (GHL requires it, #31)', { locationId: 'L1' }, /body\.pageLimit/],
    [
      'page with searchAfter',
      { locationId: 'L1', pageLimit: 5, page: 2, searchAfter: [1, 'a'] },
      /page and searchAfter/,
    ],
    [
      'page paging past 10,000 records',
      { locationId: 'L1', pageLimit: 100, page: 101 },
      /limited to 10000/,
    ],
    [
      'a query over 75 characters',
      { locationId: 'L1', pageLimit: 5, query: 'x'.repeat(76) },
      /body\.query/,
    ],
    [
      'an unknown search field (#289)',
      { locationId: 'L1', pageLimit: 5, filters: [{ field: 'ssn', operator: 'eq', value: 1 }] },
      /Invalid field ssn/,
    ],
    [
      'an unknown operator',
      {
        locationId: 'L1',
        pageLimit: 5,
        filters: [{ field: 'email', operator: 'like', value: 'a' }],
      },
      /operator/,
    ],
  ])('refuses a search body with %s', (_what, body, problem) => {
    const problems = check({ method: 'POST', path: '/contacts/search', status: 200, body });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('accepts what GHL documents: filter groups, range, not_contains, exactly 75 characters', () => {
    const body = {
      locationId: 'L1',
      pageLimit: 100,
      page: 100,
      query: 'x'.repeat(75),
      filters: [
        {
          group: 'OR',
          filters: [
            { field: 'email', operator: 'not_contains', value: 'example' },
            { field: 'dateAdded', operator: 'range', value: { gte: '2026-01-01T00:00:00Z' } },
          ],
        },
      ],
    };
    expect(check({ method: 'POST', path: '/contacts/search', status: 200, body })).toEqual([]);
  });

  it('accepts companyName on a contact update as an evidence-based exception (#314), nothing else', () => {
    const update = { method: 'PUT', path: '/contacts/sbxContSamLee0000001', status: 200 };
    expect(check({ ...update, body: { companyName: 'Acme' } })).toEqual([]);
    expect(check({ ...update, body: { companyName: 'Acme', gender: 'x' } })).toHaveLength(1);
  });

  it('reports an undocumented query parameter and a missing required one', () => {
    expect(
      check({ method: 'GET', path: '/contacts/?sortBy=name', body: null, status: 200 }),
    ).toEqual([
      'GET /contacts/: query parameter "sortBy" is not documented',
      'GET /contacts/: query parameter "locationId" is required but missing',
    ]);
  });

  it('reports a path the spec does not have', () => {
    const path = '/contacts/sbxContSamLee0000001/opportunities';
    expect(check({ method: 'GET', path, body: null, status: 404 })).toEqual([
      `GET ${path}: no such operation in the spec`,
    ]);
  });

  it('reports a 2xx status other than the documented one, and accepts error statuses', () => {
    expect(check({ status: 200 })).toEqual([
      `${NOTES}: status 200, but the documented success status is 201`,
    ]);
    expect(check({ status: 422 })).toEqual([]);
  });

  it('reports an undocumented /oauth/token form field and a missing required one', () => {
    const body = `${String(TOKEN_CALL.body)}&code_verifier=***`.replace(
      'grant_type=authorization_code&',
      '',
    );
    expect(check({ body }, TOKEN_CALL)).toEqual([
      'POST /oauth/token: form field "code_verifier" is not documented',
      'POST /oauth/token: form field "grant_type" is required but missing',
    ]);
  });
});

describeWithSpec('checkTrafficLog', () => {
  it('numbers problems by line and counts calls, skipping blank lines', () => {
    const lines = [
      JSON.stringify(NOTE_CALL),
      '',
      JSON.stringify({ ...NOTE_CALL, status: 200 }),
      '{',
    ];
    expect(checkTrafficLog(requireSpec(), lines.join('\n'))).toEqual({
      calls: 3,
      problems: [
        { line: 3, message: `${NOTES}: status 200, but the documented success status is 201` },
        { line: 4, message: 'not JSON' },
      ],
    });
  });
});
