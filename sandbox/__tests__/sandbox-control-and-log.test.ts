import { describe, expect, it } from 'vitest';
import { SANDBOX_OAUTH_CLIENT, SANDBOX_TOKENS } from '../sandbox-fixtures';
import { createSandboxFetch } from '../sandbox-fetch';
import { sandboxUnderTest } from './sandbox-requests';

const SAM = 'sbxContSamLee0000001';
const control = { token: null, version: null } as const;

describe('control API (/__sandbox/)', () => {
  it('edits a contact as a person in GHL would, moving dateUpdated', async () => {
    const { send, fake } = sandboxUnderTest();
    const before = (await send(`/contacts/${SAM}`)).json.contact;
    await fake.advance(5_000);
    const edit = await send(`/__sandbox/contacts/${SAM}`, {
      ...control,
      method: 'PATCH',
      body: { email: 'sam@new.example' },
    });
    expect(edit.status).toBe(200);
    const after = (await send(`/contacts/${SAM}`)).json.contact;
    expect(after.email).toBe('sam@new.example');
    expect(Date.parse(after.dateUpdated)).toBeGreaterThan(Date.parse(before.dateUpdated));
  });

  it('adds, completes and deletes a task; adds and edits a note', async () => {
    const { send } = sandboxUnderTest();
    const task = (
      await send(`/__sandbox/contacts/${SAM}/tasks`, {
        ...control,
        method: 'POST',
        body: { title: 'From GHL' },
      })
    ).json.task;
    await send(`/__sandbox/contacts/${SAM}/tasks/${task.id}`, {
      ...control,
      method: 'PATCH',
      body: { completed: true },
    });
    expect((await send(`/contacts/${SAM}/tasks/${task.id}`)).json.task.completed).toBe(true);
    await send(`/__sandbox/contacts/${SAM}/tasks/${task.id}`, { ...control, method: 'DELETE' });
    expect((await send(`/contacts/${SAM}/tasks/${task.id}`)).status).toBe(404);
    const note = (
      await send(`/__sandbox/contacts/${SAM}/notes`, {
        ...control,
        method: 'POST',
        body: { body: 'v1', pinned: true },
      })
    ).json.note;
    await send(`/__sandbox/contacts/${SAM}/notes/${note.id}`, {
      ...control,
      method: 'PATCH',
      body: { body: 'v2' },
    });
    expect((await send(`/contacts/${SAM}/notes/${note.id}`)).json.note).toMatchObject({
      body: 'v2',
      pinned: true,
    });
  });

  it('refuses control input it does not know, clearly', async () => {
    const { send } = sandboxUnderTest();
    const answer = await send(`/__sandbox/contacts/${SAM}`, {
      ...control,
      method: 'PATCH',
      body: { colour: 'red' },
    });
    expect(answer).toMatchObject({
      status: 422,
      json: { message: ['property colour should not exist'] },
    });
    expect((await send('/__sandbox/nothing', control)).status).toBe(404);
  });

  it('revokes a token', async () => {
    const { send } = sandboxUnderTest();
    await send('/__sandbox/tokens/revoke', {
      ...control,
      method: 'POST',
      body: { token: SANDBOX_TOKENS.readOnly },
    });
    expect((await send(`/contacts/${SAM}`, { token: SANDBOX_TOKENS.readOnly })).status).toBe(401);
  });

  it('injects latency, 5xx for the next N calls, malformed JSON and a 429 storm', async () => {
    const { send, fake } = sandboxUnderTest();
    await send('/__sandbox/faults', {
      ...control,
      method: 'POST',
      body: { failNext: { count: 2, status: 502 } },
    });
    expect((await send(`/contacts/${SAM}`)).status).toBe(502);
    expect((await send(`/contacts/${SAM}`)).status).toBe(502);
    expect((await send(`/contacts/${SAM}`)).status).toBe(200);
    await send('/__sandbox/faults', { ...control, method: 'POST', body: { malformedNext: 1 } });
    expect(typeof (await send(`/contacts/${SAM}`)).json).toBe('string');
    await send('/__sandbox/faults', {
      ...control,
      method: 'POST',
      body: { rateLimitStorm: { durationMs: 3_000 } },
    });
    expect((await send(`/contacts/${SAM}`)).status).toBe(429);
    await fake.advance(3_000);
    expect((await send(`/contacts/${SAM}`)).status).toBe(200);
    await send('/__sandbox/faults', { ...control, method: 'POST', body: { latencyMs: 1_500 } });
    const start = fake.now();
    await fake.run(send(`/contacts/${SAM}`));
    expect(fake.now() - start).toBe(1_500);
  });

  it('drops connections, before or after applying the request', async () => {
    const { sandbox, send } = sandboxUnderTest();
    const fetch = createSandboxFetch(sandbox);
    await send('/__sandbox/faults', {
      ...control,
      method: 'POST',
      body: { dropNext: { count: 1, afterApply: true } },
    });
    const notes = sandbox.state.data.notes.size;
    await expect(
      fetch(`https://services.leadconnectorhq.com/contacts/${SAM}/notes`, {
        method: 'POST',
        headers: { Version: '2021-07-28', Authorization: `Bearer ${SANDBOX_TOKENS.readWrite}` },
        body: JSON.stringify({ body: 'applied, then the line went dead' }),
      }),
    ).rejects.toThrow(TypeError);
    expect(sandbox.state.data.notes.size).toBe(notes + 1);
  });

  it('counts requests per endpoint, per token and per status', async () => {
    const { send } = sandboxUnderTest();
    await send(`/contacts/${SAM}`);
    await send(`/contacts/${SAM}/tasks`, { token: SANDBOX_TOKENS.readOnly });
    await send('/contacts/nope0000000000000000');
    const counters = (await send('/__sandbox/counters', control)).json;
    expect(counters).toEqual({
      total: 3,
      byEndpoint: { 'GET /contacts/:contactId': 2, 'GET /contacts/:contactId/tasks': 1 },
      byToken: { 'pit:readwrite': 2, 'pit:readonly': 1 },
      byStatus: { 200: 2, 404: 1 },
    });
  });
});

describe('traffic log', () => {
  it('records one masked line per GHL call and none for control calls', async () => {
    const { send, traffic } = sandboxUnderTest();
    await send(`/contacts/?locationId=sbxLoc7Trint00000001&limit=1`);
    await send(`/contacts/${SAM}/notes`, { method: 'POST', body: { body: 'hello' } });
    await send('/__sandbox/counters', control);
    expect(traffic).toHaveLength(2);
    expect(traffic[0]).toMatchObject({
      method: 'GET',
      path: '/contacts/?locationId=sbxLoc7Trint00000001&limit=1',
      headers: { authorization: 'Bearer ***', version: '2021-07-28' },
      body: null,
      status: 200,
    });
    expect(traffic[1]).toMatchObject({
      body: { body: 'hello' },
      status: 201,
      response: { note: { body: 'hello' } },
    });
    expect(JSON.stringify(traffic)).not.toContain(SANDBOX_TOKENS.readWrite);
  });

  it('masks client_secret, code and tokens of /oauth/token, in the form and the answer', async () => {
    const { send, traffic } = sandboxUnderTest();
    await send('/oauth/token', {
      method: 'POST',
      token: null,
      version: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: SANDBOX_OAUTH_CLIENT.clientId,
        client_secret: SANDBOX_OAUTH_CLIENT.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: 'rt-secret-value',
      }).toString(),
    });
    const line = JSON.stringify(traffic[0]);
    expect(line).not.toContain(SANDBOX_OAUTH_CLIENT.clientSecret);
    expect(line).not.toContain('rt-secret-value');
    expect(traffic[0]!.body).toBe(
      `client_id=${SANDBOX_OAUTH_CLIENT.clientId}&client_secret=***&grant_type=refresh_token&refresh_token=***`,
    );
  });
});
