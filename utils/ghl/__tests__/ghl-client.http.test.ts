import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../../scripts/sandbox-server';
import { systemClock } from '../../clock';
import { createGhlClient, type GhlClient } from '../ghl-client';
import { GhlError, type GhlErrorKind } from '../ghl-error';
import { createRateLimiter } from '../rate-limiter';
import {
  OTHER_LOCATION,
  SANDBOX_LOCATION,
  SANDBOX_TOKENS,
} from '../../../sandbox/sandbox-fixtures';

// Every client function against the Sandbox over real HTTP on 127.0.0.1. The traffic goes to
// GHL_SANDBOX_LOG when set, and `npm test` checks that log against the OpenAPI files.
let server: SandboxServer;
const location = SANDBOX_LOCATION.id;
const SAM = 'sbxContSamLee0000001';

function clientFor(token: string, overrides: Partial<Parameters<typeof createGhlClient>[0]> = {}) {
  return createGhlClient({
    baseURL: server.url,
    tokens: { getAccessToken: async () => token },
    limiter: createRateLimiter({ clock: systemClock }),
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
}

async function control(path: string, body?: unknown, method = 'POST') {
  const response = await fetch(`${server.url}/__sandbox/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status}`);
  return response.json();
}

/** The GhlError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<GhlError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GhlError)) throw new Error(`expected a GhlError, got ${String(error)}`);
  return error;
}

let ghl: GhlClient;
beforeAll(async () => {
  server = await startSandboxServer({ logFile: process.env.GHL_SANDBOX_LOG || undefined });
});
afterAll(() => server.close());
beforeEach(async () => {
  await control('reset');
  ghl = clientFor(SANDBOX_TOKENS.readWrite);
});

describe('contacts', () => {
  it('gets a contact with the fields the product uses', async () => {
    const contact = await ghl.contacts.get(SAM);
    expect(contact).toMatchObject({ id: SAM, firstName: 'Sam', lastName: 'Lee' });
    expect(contact.companyName).toBe('Acme Corp');
    expect(contact.businessId).toBe('sbxBizAcme0000000001');
  });

  it('lists contacts page by page with startAfterId + startAfter until the end', async () => {
    const seen = new Set<string>();
    let page = await ghl.contacts.list({ locationId: location, limit: 25 });
    const total = page.meta?.total;
    for (;;) {
      for (const c of page.contacts) seen.add(c.id);
      if (!page.meta?.nextPageUrl) break;
      page = await ghl.contacts.list({
        locationId: location,
        limit: 25,
        startAfterId: page.meta.startAfterId ?? undefined,
        startAfter: page.meta.startAfter ?? undefined,
      });
    }
    expect(total).toBeGreaterThanOrEqual(50);
    expect(seen.size).toBe(total);
  });

  it('filters the list by a query and refuses a limit over 100 before sending', async () => {
    const page = await ghl.contacts.list({ locationId: location, query: 'haddad' });
    expect(page.contacts.map((c) => c.lastName)).toContain('Haddad');
    const error = await failure(ghl.contacts.list({ locationId: location, limit: 101 }));
    expect(error.kind).toBe('validation');
  });

  it('searches with POST /contacts/search', async () => {
    const result = await ghl.contacts.search({ locationId: location, query: 'Jane', pageLimit: 5 });
    expect(result.contacts.some((c) => c.id === 'sbxContJaneDoe000002')).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(1);
  });

  it('lists the others at a business', async () => {
    const page = await ghl.contacts.byBusiness('sbxBizAcme0000000001', { locationId: location });
    expect(page.contacts.map((c) => c.id)).toEqual(expect.arrayContaining([SAM]));
  });

  it('creates, updates and deletes a contact; dateUpdated moves on edit', async () => {
    const created = await ghl.contacts.create({
      locationId: location,
      firstName: 'Nia',
      lastName: 'Okoro',
      email: 'nia@newco.example',
      companyName: 'NewCo',
    });
    expect(created).toMatchObject({ firstName: 'Nia', companyName: 'NewCo' });
    const updated = await ghl.contacts.update(created.id, { phone: '+15550000001' });
    expect(updated.phone).toBe('+15550000001');
    expect(Date.parse(updated.dateUpdated!)).toBeGreaterThan(Date.parse(created.dateUpdated!));
    expect(await ghl.contacts.delete(created.id)).toMatchObject({ succeded: true });
    expect((await failure(ghl.contacts.get(created.id))).kind).toBe('not-found');
  });
});

describe('tasks, notes, tags and appointments', () => {
  it('works a task through its life: create, get, list, update, complete, reopen, delete', async () => {
    const due = '2026-12-01T10:00:00.000Z';
    const task = await ghl.tasks.create(SAM, {
      title: 'Send proposal',
      dueDate: due,
      completed: false,
    });
    expect(task).toMatchObject({ title: 'Send proposal', completed: false, dueDate: due });
    expect(await ghl.tasks.get(SAM, task.id)).toMatchObject({ id: task.id });
    expect((await ghl.tasks.list(SAM)).map((t) => t.id)).toContain(task.id);
    expect(await ghl.tasks.update(SAM, task.id, { title: 'Send revised proposal' })).toMatchObject({
      title: 'Send revised proposal',
    });
    expect((await ghl.tasks.setCompleted(SAM, task.id, true)).completed).toBe(true);
    expect((await ghl.tasks.setCompleted(SAM, task.id, false)).completed).toBe(false);
    expect(await ghl.tasks.delete(SAM, task.id)).toMatchObject({ succeded: true });
    expect((await failure(ghl.tasks.get(SAM, task.id))).kind).toBe('not-found');
  });

  it('works a note: create, get, list, update, delete', async () => {
    const note = await ghl.notes.create(SAM, { body: 'Key quote: "we copy notes by hand"' });
    expect(note.body).toContain('Key quote');
    expect(await ghl.notes.get(SAM, note.id)).toMatchObject({ id: note.id });
    expect((await ghl.notes.list(SAM))[0]?.id).toBe(note.id);
    expect((await ghl.notes.update(SAM, note.id, { pinned: true })).pinned).toBe(true);
    expect(await ghl.notes.delete(SAM, note.id)).toMatchObject({ succeded: true });
  });

  it('adds and removes tags', async () => {
    expect(await ghl.tags.add(SAM, ['Podcast Guest', 'trint'])).toEqual(
      expect.arrayContaining(['podcast guest', 'trint']),
    );
    expect(await ghl.tags.remove(SAM, ['trint'])).not.toContain('trint');
  });

  it('lists appointments', async () => {
    const withAppointments = await Promise.all(
      (await ghl.contacts.list({ locationId: location, limit: 20 })).contacts.map((c) =>
        ghl.appointments.list(c.id),
      ),
    );
    const all = withAppointments.flat();
    expect(all.length).toBeGreaterThan(0);
    expect(all[0]).toHaveProperty('startTime');
  });
});

describe('errors a person can be told about', () => {
  const cases: [string, () => Promise<unknown>, GhlErrorKind, RegExp?][] = [
    ['a wrong token', () => clientFor('pit-wrong').contacts.get(SAM), 'unauthorized', /invalid/i],
    [
      'a write with a read-only token',
      () => clientFor(SANDBOX_TOKENS.readOnly).notes.create(SAM, { body: 'x' }),
      'missing-scope',
    ],
    ['an unknown contact', () => ghl.contacts.get('sbxContNoSuchOne0001'), 'not-found'],
    [
      "another location's contact",
      () => clientFor(SANDBOX_TOKENS.otherLocation).contacts.get(SAM),
      'forbidden',
    ],
    [
      'a date GHL refuses',
      () => ghl.tasks.create(SAM, { title: 'x', dueDate: 'next tuesday', completed: false }),
      'validation',
      /dueDate/,
    ],
    [
      'a duplicate contact',
      () => ghl.contacts.create({ locationId: location, email: 'sam.lee@acme.example' }),
      'validation',
      /duplicated/,
    ],
  ];
  it.each(cases)('%s', async (_name, call, kind, message) => {
    const error = await failure(call());
    expect(error.kind).toBe(kind);
    if (message) expect(error.message).toMatch(message);
    expect(error.toInfo()).toMatchObject({ kind, endpoint: expect.stringMatching(/^(GET|POST) /) });
  });

  it('keeps GHL list of validation messages', async () => {
    const error = await failure(
      ghl.tasks.create(SAM, { title: 'x', dueDate: 'not a date', completed: false }),
    );
    expect(error.ghlMessages).toEqual(['dueDate must be a valid ISO 8601 date string']);
    expect(error.status).toBe(422);
  });

  it('rate limited: a 429 storm outlasting the retries', async () => {
    await control('faults', { rateLimitStorm: { durationMs: 2_000, retryAfterSeconds: 0 } });
    const error = await failure(clientFor(SANDBOX_TOKENS.readWrite).contacts.get(SAM));
    expect(error.kind).toBe('rate-limited');
  });

  it('server: 5xx on every try of a read', async () => {
    await control('faults', { failNext: { count: 3, status: 503 } });
    const error = await failure(ghl.contacts.get(SAM));
    expect(error).toMatchObject({ kind: 'server', status: 503 });
  });

  it('a read recovers when a 5xx is followed by success', async () => {
    await control('faults', { failNext: { count: 2 } });
    expect((await ghl.contacts.get(SAM)).id).toBe(SAM);
  });

  it('network: nothing listening', async () => {
    const closed = await startSandboxServer();
    const url = closed.url;
    await closed.close();
    const error = await failure(clientFor('t', { baseURL: url }).contacts.get(SAM));
    expect(error.kind).toBe('network');
  });

  it('network: the connection drops mid-request', async () => {
    await control('faults', { dropNext: { count: 3 } });
    expect((await failure(ghl.contacts.get(SAM))).kind).toBe('network');
  });

  it('timeout: slower than the per-request timeout', async () => {
    await control('faults', { latencyMs: 300 });
    const slow = clientFor(SANDBOX_TOKENS.readWrite, {
      timeoutMs: 50,
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect((await failure(slow.contacts.get(SAM))).kind).toBe('timeout');
  });

  it('bad response: cut-off JSON names the endpoint', async () => {
    await control('faults', { malformedNext: 1 });
    const error = await failure(ghl.contacts.get(SAM));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toContain('GET /contacts/:contactId');
  });

  it('outcome unknown: a create that died with a 500 is not sent again', async () => {
    await control('counters/reset');
    await control('faults', { failNext: { count: 1 } });
    const error = await failure(ghl.notes.create(SAM, { body: 'once' }));
    expect(error.kind).toBe('outcome-unknown');
    const counters = await control('counters', undefined, 'GET');
    expect(counters.byEndpoint['POST /contacts/:contactId/notes']).toBe(1);
  });

  it('never puts the token in an error', async () => {
    const secret = 'pit-very-secret-token-value';
    const error = await failure(clientFor(secret).contacts.get(SAM));
    expect(JSON.stringify(error.toInfo())).not.toContain(secret);
    expect(error.message).not.toContain(secret);
  });

  it('a token for another location cannot list this one', async () => {
    const error = await failure(
      clientFor(SANDBOX_TOKENS.otherLocation).contacts.list({ locationId: location }),
    );
    expect(error.kind).toBe('forbidden');
    const own = await clientFor(SANDBOX_TOKENS.otherLocation).contacts.list({
      locationId: OTHER_LOCATION.id,
    });
    expect(own.contacts).toEqual([]);
  });
});
