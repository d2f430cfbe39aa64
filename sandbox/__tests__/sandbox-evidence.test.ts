import { describe, expect, it } from 'vitest';
import { SANDBOX_LOCATION } from '../sandbox-fixtures';
import { DEFAULT_SEARCH_LAG_MS } from '../search-lag';
import { toE164 } from '../phone-e164';
import { sandboxUnderTest } from './sandbox-requests';

const LOC = SANDBOX_LOCATION.id;
const control = { token: null, version: null } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Issue 19: each behaviour the Sandbox takes from public evidence (README lists the sources). */
describe('the Sandbox follows the evidence about real GHL', () => {
  function setup(options: Parameters<typeof sandboxUnderTest>[0] = {}) {
    const under = sandboxUnderTest(options);
    const { send } = under;
    const create = (body: object) =>
      send('/contacts/', { method: 'POST', body: { locationId: LOC, ...body } });
    const search = (body: object) =>
      send('/contacts/search', { method: 'POST', body: { locationId: LOC, ...body } });
    const duplicate = (query: Record<string, string>) =>
      send(`/contacts/search/duplicate?${new URLSearchParams({ locationId: LOC, ...query })}`);
    return { ...under, create, search, duplicate };
  }

  it('search does not see a new contact for a few seconds; get, lists and duplicate do', async () => {
    const { fake, create, search, duplicate, send } = setup();
    const made = await create({ firstName: 'Lagging', email: 'lag@example.com' });
    const id: string = made.json.contact.id;
    const byEmail = {
      pageLimit: 5,
      filters: [{ field: 'email', operator: 'eq', value: 'lag@example.com' }],
    };

    expect((await search(byEmail)).json.contacts).toEqual([]);
    expect((await send(`/contacts/${id}`)).status).toBe(200);
    expect((await duplicate({ email: 'lag@example.com' })).json.contact?.id).toBe(id);

    await fake.advance(DEFAULT_SEARCH_LAG_MS - 1);
    expect((await search(byEmail)).json.total).toBe(0);
    await fake.advance(1);
    expect((await search(byEmail)).json.contacts.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('the lag is a knob: the option, and POST /__sandbox/settings', async () => {
    const none = setup({ searchLagMs: 0 });
    await none.create({ firstName: 'Instant', email: 'instant@example.com' });
    expect((await none.search({ pageLimit: 5, query: 'instant@example.com' })).json.total).toBe(1);

    const { fake, create, search, send } = setup();
    const set = await send('/__sandbox/settings', {
      ...control,
      method: 'POST',
      body: { searchLagMs: 10_000 },
    });
    expect(set.json.searchLagMs).toBe(10_000);
    await create({ firstName: 'Slow', email: 'slow@example.com' });
    await fake.advance(9_999);
    expect((await search({ pageLimit: 5, query: 'slow@example.com' })).json.total).toBe(0);
    await fake.advance(1);
    expect((await search({ pageLimit: 5, query: 'slow@example.com' })).json.total).toBe(1);
  });

  it.each([
    ['(555) 123-4567', '+15551234567'],
    ['555.123.4567', '+15551234567'],
    ['1 555 123 4567', '+15551234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('stores the phone %s in E.164 as %s', async (sent, stored) => {
    expect(toE164(sent)).toBe(stored);
    const { create, send } = setup();
    const made = await create({ firstName: 'Phone', phone: sent });
    expect(made.json.contact.phone).toBe(stored);
    expect((await send(`/contacts/${made.json.contact.id}`)).json.contact.phone).toBe(stored);
  });

  it('an update stores E.164 too, and duplicates are told apart by the stored number', async () => {
    const { create, send } = setup();
    const first = await create({ firstName: 'First', phone: '+1 555 222 3333' });
    const id: string = first.json.contact.id;
    const again = await create({ firstName: 'Second', phone: '(555) 222-3333' });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ meta: { contactId: id, matchingField: 'phone' } });
    expect(again.json.traceId).toMatch(UUID);
    const updated = await send(`/contacts/${id}`, {
      method: 'PUT',
      body: { phone: '555-444-5555' },
    });
    expect(updated.json.contact.phone).toBe('+15554445555');
  });

  it('GET /contacts/search/duplicate: email first, then the exact E.164 number', async () => {
    const { create, duplicate } = setup();
    const made = await create({
      firstName: 'Dup',
      email: 'Dup@Example.com',
      phone: '555-777-8888',
    });
    const id: string = made.json.contact.id;
    expect((await duplicate({ email: 'dup@example.com' })).json.contact).toMatchObject({ id });
    expect((await duplicate({ number: '+15557778888' })).json.contact).toMatchObject({ id });
    // As typed, not E.164: GHL stores E.164, and the Sandbox is never kinder.
    expect((await duplicate({ number: '555-777-8888' })).json).toEqual({ contact: null });
    expect((await duplicate({ email: 'nobody@example.com' })).json).toEqual({ contact: null });
    const neither = await duplicate({});
    expect(neither.status).toBe(422);
  });

  it('search answers carry the extra fields real GHL sends (#314)', async () => {
    const { fake, create, search } = setup();
    await create({
      firstName: 'Extra',
      email: 'extra@example.com',
      phone: '+15550001111',
      city: 'Springfield',
      postalCode: '12345',
    });
    await fake.advance(DEFAULT_SEARCH_LAG_MS);
    const [hit] = (await search({ pageLimit: 5, query: 'extra@example.com' })).json.contacts;
    expect(hit).toMatchObject({
      city: 'Springfield',
      postalCode: '12345',
      phoneLabel: 'Mobile',
      validEmail: true,
      dnd: false,
      dndSettings: {},
      attributionSource: { sessionSource: 'CRM UI' },
    });
    expect(hit.searchAfter).toHaveLength(2);
  });

  it('error bodies carry a traceId; an expired JWT answers "Invalid JWT" without `error`', async () => {
    const { send, fake } = setup();
    const missing = await send('/contacts/sbxContNoSuchContact1');
    expect(missing.json).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(missing.json.traceId).toMatch(UUID);
    const invalid = await send('/contacts/', { method: 'POST', body: { locationId: LOC, foo: 1 } });
    expect(invalid.json.traceId).toMatch(UUID);

    const minted = await send('/__sandbox/tokens', {
      ...control,
      method: 'POST',
      body: { ttlSeconds: 1 },
    });
    await fake.advance(2_000);
    const expired = await send('/contacts/sbxContSamLee0000001', { token: minted.json.token });
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({
      statusCode: 401,
      message: 'Invalid JWT',
      traceId: expect.stringMatching(UUID),
    });
  });

  describe('search bodies by GHL’s documented rules', () => {
    it.each([
      ['no pageLimit', {}, 422],
      ['page with searchAfter', { pageLimit: 5, page: 1, searchAfter: [1, 'x'] }, 400],
      ['page paging past 10,000 records', { pageLimit: 500, page: 21 }, 400],
      ['a query of 76 characters', { pageLimit: 5, query: 'x'.repeat(76) }, 422],
      [
        'an unknown field',
        { pageLimit: 5, filters: [{ field: 'ssn', operator: 'eq', value: 1 }] },
        400,
      ],
      [
        'an unknown operator',
        { pageLimit: 5, filters: [{ field: 'email', operator: 'like', value: 1 }] },
        422,
      ],
    ])('refuses %s', async (_what, body, status) => {
      const { search } = setup();
      const answer = await search(body);
      expect(answer.status).toBe(status);
      expect(answer.json.traceId).toMatch(UUID);
    });

    it('takes filter groups, range and not_contains, and page paging up to 10,000', async () => {
      const { search } = setup();
      const all = (await search({ pageLimit: 500 })).json;
      const withEmail = all.contacts.filter((c: { email?: string }) => c.email);
      const [a, b] = withEmail as { id: string; email: string; dateAdded: string }[];
      const either = await search({
        pageLimit: 100,
        filters: [
          {
            group: 'OR',
            filters: [
              { field: 'email', operator: 'eq', value: a!.email },
              { field: 'email', operator: 'eq', value: b!.email },
            ],
          },
        ],
      });
      expect(either.json.contacts.map((c: { id: string }) => c.id).sort()).toEqual(
        [a!.id, b!.id].sort(),
      );

      const after = await search({
        pageLimit: 500,
        filters: [{ field: 'dateAdded', operator: 'range', value: { gt: a!.dateAdded } }],
      });
      expect(
        after.json.contacts.every((c: { dateAdded: string }) => c.dateAdded > a!.dateAdded),
      ).toBe(true);

      const notA = await search({
        pageLimit: 500,
        filters: [{ field: 'email', operator: 'not_contains', value: a!.email }],
      });
      expect(notA.json.total).toBe(all.total - 1);
      expect((await search({ pageLimit: 500, page: 20 })).status).toBe(200);
      expect((await search({ pageLimit: 5, query: 'x'.repeat(75) })).status).toBe(200);
    });
  });

  it('refused refreshes answer 400 (#249); the authorization page is at /v2/oauth/chooselocation', async () => {
    const { send } = setup();
    const form = new URLSearchParams({
      client_id: 'sbx-client-ghl-for-trint',
      client_secret: 'sbx-secret-not-a-real-secret',
      grant_type: 'refresh_token',
      refresh_token: 'not-a-refresh-token',
    });
    const refused = await send('/oauth/token', {
      method: 'POST',
      version: null,
      token: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(refused.status).toBe(400);
    const page = new URLSearchParams({
      client_id: 'sbx-client-ghl-for-trint',
      redirect_uri: 'https://example.com/cb',
      scope: 'contacts.readonly',
      response_type: 'code',
    });
    expect((await send(`/v2/oauth/chooselocation?${page}`, control)).status).toBe(200);
    expect((await send(`/oauth/chooselocation?${page}`, control)).status).not.toBe(200);
  });

  it('business contacts come 25 to a page by default (the spec’s default)', async () => {
    const { send } = setup({ contacts: 400 });
    const answer = await send(
      `/contacts/business/sbxBizAcme0000000001?${new URLSearchParams({ locationId: LOC })}`,
    );
    expect(answer.json.count).toBeGreaterThan(25);
    expect(answer.json.contacts).toHaveLength(25);
  });

  it('create-then-422 (#64): the contact is made, and the answer is 422', async () => {
    const { send, create, duplicate } = setup();
    await send('/__sandbox/faults', { ...control, method: 'POST', body: { createThen422Next: 1 } });
    const refused = await create({ firstName: 'Ghost', email: 'ghost@example.com' });
    expect(refused.status).toBe(422);
    expect((await duplicate({ email: 'ghost@example.com' })).json.contact?.firstName).toBe('Ghost');
    // Spent: the next create answers as usual.
    expect((await create({ firstName: 'Real', email: 'real@example.com' })).status).toBe(201);
  });
});

describe('company name on update (#314: real GHL takes it, though the spec omits it)', () => {
  it('PUT /contacts/:id stores companyName; an invented property is still refused', async () => {
    const { send } = sandboxUnderTest();
    const sam = 'sbxContSamLee0000001';
    const put = (body: object) => send(`/contacts/${sam}`, { method: 'PUT', body });
    expect((await put({ companyName: 'Initech' })).json.contact.companyName).toBe('Initech');
    expect((await send(`/contacts/${sam}`)).json.contact.companyName).toBe('Initech');
    const invented = await put({ foobar: 'x' });
    expect(invented.status).toBe(422);
    expect(invented.json.message).toEqual(['property foobar should not exist']);
  });
});
