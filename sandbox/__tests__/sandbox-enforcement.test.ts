import { describe, expect, it } from 'vitest';
import { OTHER_LOCATION, SANDBOX_LOCATION, SANDBOX_TOKENS } from '../sandbox-fixtures';
import { sandboxUnderTest } from './sandbox-requests';

const SAM = 'sbxContSamLee0000001';
const LOC = SANDBOX_LOCATION.id;

describe('the Sandbox refuses what GHL refuses', () => {
  it('a missing or wrong Version header → 400', async () => {
    const { send } = sandboxUnderTest();
    const missing = await send(`/contacts/${SAM}`, { version: null });
    expect(missing).toMatchObject({ status: 400, json: { statusCode: 400 } });
    expect(missing.json.message).toMatch(/version/i);
    expect((await send(`/contacts/${SAM}`, { version: '2021-04-15' })).status).toBe(400);
  });

  it('a missing or unknown token → 401 with GHL body', async () => {
    const { send } = sandboxUnderTest();
    for (const token of [null, 'pit-unknown']) {
      const answer = await send(`/contacts/${SAM}`, { token });
      expect(answer).toMatchObject({
        status: 401,
        json: {
          statusCode: 401,
          message: 'Invalid token: access token is invalid',
          error: 'Unauthorized',
        },
      });
    }
  });

  it('a write with a read-only token → 401 not authorized for this scope; reads work', async () => {
    const { send } = sandboxUnderTest();
    const token = SANDBOX_TOKENS.readOnly;
    expect((await send(`/contacts/${SAM}`, { token })).status).toBe(200);
    const write = await send(`/contacts/${SAM}/notes`, {
      token,
      method: 'POST',
      body: { body: 'x' },
    });
    expect(write).toMatchObject({
      status: 401,
      json: { message: 'The token is not authorized for this scope.' },
    });
  });

  it('an unknown body property → 422 "property X should not exist"; nothing is changed', async () => {
    const { send, sandbox } = sandboxUnderTest();
    const before = sandbox.state.data.notes.size;
    const answer = await send(`/contacts/${SAM}/notes`, {
      method: 'POST',
      body: { body: 'x', transcriptId: 'tr-1' },
    });
    expect(answer).toMatchObject({
      status: 422,
      json: {
        statusCode: 422,
        message: ['property transcriptId should not exist'],
        error: 'Unprocessable Entity',
      },
    });
    expect(sandbox.state.data.notes.size).toBe(before);
  });

  it('a missing required field → 422 naming it', async () => {
    const { send } = sandboxUnderTest();
    const answer = await send(`/contacts/${SAM}/tasks`, { method: 'POST', body: { title: 'x' } });
    expect(answer.status).toBe(422);
    expect(answer.json.message).toEqual(
      expect.arrayContaining(['dueDate should not be empty', 'completed should not be empty']),
    );
  });

  it('a wrong type → 422', async () => {
    const { send } = sandboxUnderTest();
    const answer = await send(`/contacts/${SAM}/tasks/x/completed`, {
      method: 'PUT',
      body: { completed: 'yes' },
    });
    // The task does not exist, but GHL validates the contact first, then the body.
    expect([404, 422]).toContain(answer.status);
    const typed = await send(`/contacts/${SAM}/tags`, { method: 'POST', body: { tags: 'vip' } });
    expect(typed).toMatchObject({ status: 422, json: { message: ['tags must be an array'] } });
  });

  it('a body that is not JSON → 400', async () => {
    const { send } = sandboxUnderTest();
    const answer = await send(`/contacts/${SAM}/notes`, {
      method: 'POST',
      body: '{"body": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(400);
  });

  it('unknown ids → 404; unknown paths → 404', async () => {
    const { send } = sandboxUnderTest();
    expect((await send('/contacts/sbxContNoSuchOne0001')).status).toBe(404);
    expect((await send(`/contacts/${SAM}/tasks/sbxTaskNoSuchOne0001`)).status).toBe(404);
    expect((await send(`/contacts/${SAM}/notes/sbxNoteNoSuchOne0001`)).status).toBe(404);
    expect((await send(`/contacts/${SAM}/nothing-here`)).status).toBe(404);
  });

  it("a wrong locationId → 403, and another location's token cannot read this one's contacts", async () => {
    const { send } = sandboxUnderTest();
    expect((await send(`/contacts/?locationId=${OTHER_LOCATION.id}`)).status).toBe(403);
    const other = await send(`/contacts/${SAM}`, { token: SANDBOX_TOKENS.otherLocation });
    expect(other).toMatchObject({
      status: 403,
      json: { message: 'The token does not have access to this location.' },
    });
    const create = await send('/contacts/', {
      method: 'POST',
      body: { locationId: OTHER_LOCATION.id, firstName: 'X' },
    });
    expect(create.status).toBe(403);
  });

  it('query parameters are checked: missing locationId, limit over 100, unknown names → 422', async () => {
    const { send } = sandboxUnderTest();
    expect((await send('/contacts/')).json.message).toContain('locationId should not be empty');
    expect((await send(`/contacts/?locationId=${LOC}&limit=101`)).json.message).toEqual([
      'limit must not be greater than 100',
    ]);
    expect((await send(`/contacts/?locationId=${LOC}&sort=asc`)).json.message).toEqual([
      'property sort should not exist',
    ]);
  });

  it('expired tokens → 401', async () => {
    const { send, sandbox, fake } = sandboxUnderTest();
    const token = sandbox.state.auth.mint({ ttlSeconds: 60 });
    expect((await send(`/contacts/${SAM}`, { token })).status).toBe(200);
    await fake.advance(61_000);
    expect((await send(`/contacts/${SAM}`, { token })).status).toBe(401);
  });
});

describe('the Sandbox behaves like GHL', () => {
  it('pages GET /contacts/ with meta: total, startAfterId, startAfter, nextPageUrl', async () => {
    const { send } = sandboxUnderTest();
    const ids = new Set<string>();
    let path = `/contacts/?locationId=${LOC}&limit=7`;
    let total = 0;
    for (let pages = 0; pages < 50; pages += 1) {
      const { json } = await send(path);
      total = json.meta.total;
      for (const c of json.contacts) ids.add(c.id);
      if (!json.meta.nextPageUrl) break;
      const next = new URL(json.meta.nextPageUrl);
      expect(next.searchParams.get('startAfterId')).toBe(json.meta.startAfterId);
      expect(Number(next.searchParams.get('startAfter'))).toBe(json.meta.startAfter);
      path = next.pathname + next.search;
    }
    expect(ids.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(50);
  });

  it("changes a contact's dateUpdated on every edit, and only then", async () => {
    const { send, fake } = sandboxUnderTest();
    const before = (await send(`/contacts/${SAM}`)).json.contact.dateUpdated;
    await fake.advance(1_000);
    await send(`/contacts/${SAM}/notes`, {
      method: 'POST',
      body: { body: 'a note is not an edit' },
    });
    expect((await send(`/contacts/${SAM}`)).json.contact.dateUpdated).toBe(before);
    const put = await send(`/contacts/${SAM}`, { method: 'PUT', body: { city: 'Leeds' } });
    expect(put.json.contact.city).toBe('Leeds');
    expect(Date.parse(put.json.contact.dateUpdated)).toBeGreaterThan(Date.parse(before));
  });

  it('refuses PUT fields the update schema lacks, such as businessName', async () => {
    const { send } = sandboxUnderTest();
    const answer = await send(`/contacts/${SAM}`, { method: 'PUT', body: { businessName: 'X' } });
    expect(answer).toMatchObject({ status: 422 });
    expect(answer.json.message).toEqual(['property businessName should not exist']);
  });

  it('takes companyName on PUT, as real GHL does (highlevel-api-docs #314)', async () => {
    const { send } = sandboxUnderTest();
    const answer = await send(`/contacts/${SAM}`, { method: 'PUT', body: { companyName: 'X' } });
    expect(answer).toMatchObject({ status: 200, json: { contact: { companyName: 'X' } } });
  });

  it('refuses a duplicate contact by email', async () => {
    const { send } = sandboxUnderTest();
    const answer = await send('/contacts/', {
      method: 'POST',
      body: { locationId: LOC, email: 'SAM.LEE@acme.example' },
    });
    expect(answer).toMatchObject({
      status: 400,
      json: { meta: { contactId: SAM, matchingField: 'email' } },
    });
  });

  it('deletes a contact with its tasks and notes', async () => {
    const { send, sandbox } = sandboxUnderTest();
    expect((await send(`/contacts/${SAM}`, { method: 'DELETE' })).json).toEqual({ succeded: true });
    expect([...sandbox.state.data.tasks.values()].some((t) => t.contactId === SAM)).toBe(false);
    expect((await send(`/contacts/${SAM}/tasks`)).status).toBe(404);
  });

  it('searches by query, filters and sort, and pages with searchAfter', async () => {
    const { send } = sandboxUnderTest();
    const search = (body: object) =>
      send('/contacts/search', { method: 'POST', body: { locationId: LOC, ...body } });
    const byCompany = await search({
      pageLimit: 100,
      filters: [{ field: 'businessId', operator: 'eq', value: 'sbxBizGlobex00000002' }],
    });
    expect(
      byCompany.json.contacts.every((c: { companyName: string }) => c.companyName === 'Globex'),
    ).toBe(true);
    const first = await search({ pageLimit: 5, sort: [{ field: 'dateAdded', direction: 'asc' }] });
    const second = await search({
      pageLimit: 5,
      sort: [{ field: 'dateAdded', direction: 'asc' }],
      searchAfter: first.json.contacts[4].searchAfter,
    });
    const byPage = await search({
      pageLimit: 5,
      page: 2,
      sort: [{ field: 'dateAdded', direction: 'asc' }],
    });
    expect(second.json.contacts.map((c: { id: string }) => c.id)).toEqual(
      byPage.json.contacts.map((c: { id: string }) => c.id),
    );
    // A field GHL's search does not know: 400 "Invalid field", as in highlevel-api-docs#289.
    const invalid = await search({
      pageLimit: 5,
      filters: [{ field: 'ssn', operator: 'eq', value: 1 }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ statusCode: 400, message: 'Invalid field ssn' });
  });
});
