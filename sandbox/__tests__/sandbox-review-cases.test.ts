import { describe, expect, it } from 'vitest';
import { SANDBOX_LOCATION, SANDBOX_OAUTH_CLIENT } from '../sandbox-fixtures';
import { createSandboxFetch } from '../sandbox-fetch';
import { sandboxUnderTest } from './sandbox-requests';

const SAM = 'sbxContSamLee0000001';
const LOC = SANDBOX_LOCATION.id;
const control = { token: null, version: null } as const;
const client = {
  client_id: SANDBOX_OAUTH_CLIENT.clientId,
  client_secret: SANDBOX_OAUTH_CLIENT.clientSecret,
};

/** Approves the Sandbox's authorization page and exchanges the code, as the extension will. */
async function exchangeCode(send: ReturnType<typeof sandboxUnderTest>['send']) {
  const approve = `/v2/oauth/chooselocation/approve?${new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: 'https://x.chromiumapp.org/',
    scope: 'contacts.readonly',
    state: 's',
    locationId: LOC,
  })}`;
  const back = new URL((await send(approve, control)).headers.get('location')!);
  return send('/oauth/token', {
    ...control,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      ...client,
      grant_type: 'authorization_code',
      code: back.searchParams.get('code')!,
    }).toString(),
  });
}

describe('secrets in the traffic log', () => {
  it('masks the tokens of a successful token answer', async () => {
    const { send, traffic } = sandboxUnderTest();
    const answer = await exchangeCode(send);
    expect(answer.status).toBe(200);
    const line = JSON.stringify(traffic.at(-1));
    expect(line).not.toContain(answer.json.access_token);
    expect(line).not.toContain(answer.json.refresh_token);
    expect(traffic.at(-1)!.response).toMatchObject({ access_token: '***', refresh_token: '***' });
  });

  it('masks tokens in a cut-off token answer too', async () => {
    const { send, traffic, sandbox } = sandboxUnderTest();
    sandbox.state.faults.arm({ malformedNext: 1 });
    await exchangeCode(send);
    const response = String(traffic.at(-1)!.response);
    expect(response).toContain('"access_token":"***"');
    expect(response).not.toMatch(/sbx-(at|rt)-/);
  });

  it('refuses a JSON token request, and still masks its secrets in the log', async () => {
    const { send, traffic } = sandboxUnderTest();
    const answer = await send('/oauth/token', {
      ...control,
      method: 'POST',
      body: { ...client, grant_type: 'refresh_token', refresh_token: 'rt-secret' },
    });
    expect(answer.status).toBe(400);
    const line = JSON.stringify(traffic.at(-1));
    expect(line).not.toContain(client.client_secret);
    expect(line).not.toContain('rt-secret');
  });
});

describe('paging and lists', () => {
  it('pages on after the last contact of a page was deleted', async () => {
    const { send, sandbox } = sandboxUnderTest();
    const first = (await send(`/contacts/?locationId=${LOC}&limit=5`)).json;
    sandbox.state.deleteContact(first.meta.startAfterId);
    const next = new URL(first.meta.nextPageUrl);
    const second = (await send(next.pathname + next.search)).json;
    const all = (await send(`/contacts/?locationId=${LOC}&limit=100`)).json.contacts;
    expect(second.contacts.map((c: { id: string }) => c.id)).toEqual(
      all.slice(4, 9).map((c: { id: string }) => c.id),
    );
  });

  it('refuses an unknown startAfterId, and a business limit out of range', async () => {
    const { send } = sandboxUnderTest();
    expect((await send(`/contacts/?locationId=${LOC}&startAfterId=nobody`)).status).toBe(422);
    const business = `/contacts/business/sbxBizAcme0000000001?locationId=${LOC}`;
    expect((await send(`${business}&limit=0`)).status).toBe(422);
    expect((await send(`${business}&limit=500`)).status).toBe(422);
  });

  it('stores custom field values as the strings the spec documents', async () => {
    const { send } = sandboxUnderTest();
    const put = await send(`/contacts/${SAM}`, {
      method: 'PUT',
      body: { customFields: [{ id: 'sbxCfBudget000000001', field_value: 2500 }] },
    });
    expect(put.json.contact.customFields).toContainEqual({
      id: 'sbxCfBudget000000001',
      value: '2500',
    });
  });
});

describe('control API edges', () => {
  it('refuses a due date that is not a date with 422, not a crash', async () => {
    const { send } = sandboxUnderTest();
    const answer = await send(`/__sandbox/contacts/${SAM}/tasks`, {
      ...control,
      method: 'POST',
      body: { title: 'x', dueDate: 'whenever' },
    });
    expect(answer.status).toBe(422);
  });

  it('deletes a contact with its tasks and notes, like GHL', async () => {
    const { send, sandbox } = sandboxUnderTest();
    await send(`/__sandbox/contacts/${SAM}/tasks`, {
      ...control,
      method: 'POST',
      body: { title: 'x' },
    });
    await send(`/__sandbox/contacts/${SAM}`, { ...control, method: 'DELETE' });
    expect([...sandbox.state.data.tasks.values()].some((t) => t.contactId === SAM)).toBe(false);
  });

  it('normalises a due date the control API is given', async () => {
    const { send } = sandboxUnderTest();
    const task = (
      await send(`/__sandbox/contacts/${SAM}/tasks`, {
        ...control,
        method: 'POST',
        body: { title: 'x' },
      })
    ).json.task;
    await send(`/__sandbox/contacts/${SAM}/tasks/${task.id}`, {
      ...control,
      method: 'PATCH',
      body: { dueDate: '2026-12-01' },
    });
    expect((await send(`/contacts/${SAM}/tasks/${task.id}`)).json.task.dueDate).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it('counts and logs a request whose connection it dropped', async () => {
    const { sandbox, traffic } = sandboxUnderTest();
    sandbox.state.faults.arm({ dropNext: { count: 1 } });
    await expect(
      createSandboxFetch(sandbox)(`https://services.leadconnectorhq.com/contacts/${SAM}`),
    ).rejects.toThrow(TypeError);
    expect(sandbox.state.counters.byStatus).toEqual({ 0: 1 });
    expect(traffic).toMatchObject([{ method: 'GET', status: 0, response: null }]);
  });

  it('answers a malformed path with 400, not a crash', async () => {
    const { send } = sandboxUnderTest();
    expect((await send('/contacts/%E0%A4%A')).status).toBe(400);
  });
});
