import { describe, expect, it, vi } from 'vitest';
import { SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE } from '../../ghl/api-constants';
import { GHL_ENDPOINTS } from '../../ghl/endpoints';
import { GhlError } from '../../ghl/ghl-error';
import {
  OTHER_LOCATION,
  SANDBOX_LOCATION,
  SANDBOX_TOKENS,
} from '../../../sandbox/sandbox-fixtures';
import { ConnectError } from '../connect-error';
import { NO_WRITE_SCOPE_REASON, type ConnectionStatus } from '../connection-status';
import { connectionUnderTest, type ConnectionUnderTest } from './connection-harness';

const SAM = 'sbxContSamLee0000001';
const BOTH = [SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE];
const LOC = SANDBOX_LOCATION.id;

async function connectPit(
  h: ConnectionUnderTest,
  token: string = SANDBOX_TOKENS.readWrite,
  locationId: string = LOC,
) {
  return h.run(h.service.connectPrivateToken({ token, locationId }));
}

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(h: ConnectionUnderTest, promise: Promise<unknown>): Promise<Error> {
  const outcome = h.run(promise).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  const error = await outcome;
  if (!error) expect.unreachable('expected a failure');
  return error;
}

describe('connecting with a Private Integration token', () => {
  it('connects a good token after checking it with real calls', async () => {
    const h = connectionUnderTest();
    const status = await connectPit(h);
    expect(status).toMatchObject({
      state: 'connected',
      kind: 'pit',
      locationId: LOC,
      scopes: BOTH,
      canWrite: true,
      readOnlyReason: undefined,
      since: h.fake.now(),
    });
    expect(await h.service.status()).toEqual(status);
    expect(h.published).toEqual([status]);
    // The read, then the write probe that changes nothing.
    expect(h.seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'GET /contacts/',
      `DELETE /contacts/${SAM}/tasks/ghlForTrintScopeProbe`,
    ]);
    expect(h.seen[0]!.url.searchParams.get('locationId')).toBe(LOC);
    const stored = await h.store.loadConnection();
    expect(stored?.credential).toEqual({ type: 'pit', token: SANDBOX_TOKENS.readWrite });
    expect(stored?.health).toEqual({ state: 'ok' });
    // The published status never carries the token.
    expect(JSON.stringify(h.published)).not.toContain(SANDBOX_TOKENS.readWrite);
  });

  it('connects a read-only token as read-only, with the reason', async () => {
    const h = connectionUnderTest();
    const status = await connectPit(h, SANDBOX_TOKENS.readOnly);
    expect(status).toMatchObject({
      state: 'connected',
      kind: 'pit',
      scopes: [SCOPE_CONTACTS_READ],
      canWrite: false,
      readOnlyReason: NO_WRITE_SCOPE_REASON,
    });
  });

  it.each([
    ['a token GHL does not know', 'pit-0000-not-a-real-token', LOC, /did not accept this token/],
    [
      "another location's token for this location",
      SANDBOX_TOKENS.otherLocation,
      LOC,
      new RegExp(`does not belong to location ${LOC}`),
    ],
    [
      "this location's token for another location",
      SANDBOX_TOKENS.readWrite,
      OTHER_LOCATION.id,
      new RegExp(`does not belong to location ${OTHER_LOCATION.id}`),
    ],
  ])('refuses %s and saves nothing', async (_name, token, locationId, message) => {
    const h = connectionUnderTest();
    const error = await failure(h, h.service.connectPrivateToken({ token, locationId }));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(token);
    expect(h.requests()).toBeGreaterThan(0);
    expect(await h.store.loadConnection()).toBeUndefined();
    expect(h.published).toEqual([]);
    expect(await h.service.status()).toEqual({ state: 'not-connected' });
  });

  it.each([
    ['an empty token', '', LOC, /Paste the Private Integration token/],
    ['a blank token', '   \n\t', LOC, /Paste the Private Integration token/],
    ['a token with spaces inside', 'pit-abc def', LOC, /has spaces/],
    ['a token that is far too long', `pit-${'x'.repeat(5000)}`, LOC, /too long/],
    ['an empty location id', SANDBOX_TOKENS.readWrite, '', /Enter the location id/],
    ['a blank location id', SANDBOX_TOKENS.readWrite, '   ', /Enter the location id/],
    [
      'a location id with other characters',
      SANDBOX_TOKENS.readWrite,
      'loc/../x',
      /letters and digits/,
    ],
  ])('refuses %s before any request', async (_name, token, locationId, message) => {
    const h = connectionUnderTest();
    const error = await failure(h, h.service.connectPrivateToken({ token, locationId }));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(message);
    expect(h.seen).toEqual([]);
    expect(h.requests()).toBe(0);
    expect(await h.store.loadConnection()).toBeUndefined();
  });

  it('trims a pasted token and location id', async () => {
    const h = connectionUnderTest();
    await h.run(
      h.service.connectPrivateToken({
        token: `  ${SANDBOX_TOKENS.readWrite}\n`,
        locationId: ` ${LOC} `,
      }),
    );
    const stored = await h.store.loadConnection();
    expect(stored).toMatchObject({
      locationId: LOC,
      credential: { token: SANDBOX_TOKENS.readWrite },
    });
  });
});

describe('replacing the token', () => {
  it('keeps the location and its first connection time, with a new credential id', async () => {
    const h = connectionUnderTest();
    await connectPit(h);
    const before = (await h.store.loadConnection())!;
    await h.fake.advance(60 * 60_000);
    const rotated = await h.mint({ locationId: LOC });
    const status = await h.run(h.service.replacePrivateToken({ token: rotated }));
    const after = (await h.store.loadConnection())!;
    expect(status).toMatchObject({
      state: 'connected',
      locationId: LOC,
      since: before.connectedAt,
    });
    expect(after.connectedAt).toBe(before.connectedAt);
    expect(after.locationId).toBe(LOC);
    expect(after.credentialId).not.toBe(before.credentialId);
    expect(after.credential).toEqual({ type: 'pit', token: rotated });
  });

  it('uses the new token for the very next call; a client fetched before says the connection changed', async () => {
    const h = connectionUnderTest();
    await connectPit(h);
    const old = await h.service.client();
    await h.run(old.ghl.contacts.get(SAM));
    const rotated = await h.mint({ locationId: LOC });
    await h.run(h.service.replacePrivateToken({ token: rotated }));
    // The old token is revoked at GHL right away, as an admin rotating it would.
    await h.revoke(SANDBOX_TOKENS.readWrite);
    h.seen.length = 0;
    const { ghl } = await h.service.client();
    await expect(h.run(ghl.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    expect(h.seen.map((r) => r.authorization)).toEqual([`Bearer ${rotated}`]);
    // A client handed out before the replacement never sends the old token again.
    const stale = await failure(h, old.ghl.contacts.get(SAM));
    expect(stale).toMatchObject({ kind: 'connection-changed' });
    expect(h.seen.map((r) => r.authorization)).toEqual([`Bearer ${rotated}`]);
    expect(await h.service.status()).toMatchObject({ state: 'connected' });
    expect(h.notified).toEqual([]);
  });

  it.each([
    ["another location's token", SANDBOX_TOKENS.otherLocation, /does not belong to location/],
    ['a token GHL does not know', 'pit-unknown-token', /did not accept this token/],
    ['a blank token', '  ', /Paste the Private Integration token/],
  ])('refuses %s and keeps the current connection', async (_name, token, message) => {
    const h = connectionUnderTest();
    await connectPit(h);
    const before = await h.store.loadConnection();
    const error = await failure(h, h.service.replacePrivateToken({ token }));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(message);
    expect(await h.store.loadConnection()).toEqual(before);
  });

  it.each([
    ['when not connected', async () => {}],
    [
      'in Sandbox mode',
      async (h: ConnectionUnderTest) => void (await h.run(h.service.connectSandbox())),
    ],
  ])('is refused %s', async (_name, setup) => {
    const h = connectionUnderTest();
    await setup(h);
    const error = await failure(
      h,
      h.service.replacePrivateToken({ token: SANDBOX_TOKENS.readWrite }),
    );
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(/Replace token/);
    expect(h.requests()).toBe(0);
  });
});

describe('a revoked Private Integration token', () => {
  async function revokedConnection() {
    const h = connectionUnderTest();
    await connectPit(h);
    const heard: ConnectionStatus[] = [];
    h.service.onChange((status) => heard.push(status));
    await h.revoke(SANDBOX_TOKENS.readWrite);
    const { ghl } = await h.service.client();
    const error = await failure(h, ghl.contacts.get(SAM));
    return { h, heard, ghl, error };
  }

  it('turns the connection to reconnect-needed with a reason, and notifies once', async () => {
    const { h, heard, ghl, error } = await revokedConnection();
    expect(error).toBeInstanceOf(GhlError);
    expect(error).toMatchObject({ kind: 'unauthorized' });
    const status = await h.service.status();
    expect(status).toMatchObject({
      state: 'reconnect-needed',
      kind: 'pit',
      locationId: LOC,
      reconnectReason: expect.stringMatching(/Private Integration token/),
    });
    expect(h.notified).toEqual([(status as { reconnectReason: string }).reconnectReason]);
    expect(h.published.at(-1)).toEqual(status);
    expect(heard.map((s) => s.state)).toEqual(['reconnect-needed']);

    // More failing calls, from the old client and new attempts, and a background restart.
    for (let i = 0; i < 3; i += 1) await failure(h, ghl.contacts.get(SAM));
    await failure(h, h.service.client());
    await h.run(h.service.restore());
    expect(h.notified).toHaveLength(1);
    expect(h.published.at(-1)).toEqual(status);
  });

  it('client() fails fast with reconnect-needed, without reaching GHL', async () => {
    const { h, ghl } = await revokedConnection();
    const before = h.requests();
    const error = await failure(h, h.service.client());
    expect(error).toBeInstanceOf(GhlError);
    expect(error).toMatchObject({
      kind: 'reconnect-needed',
      message: expect.stringMatching(/Private Integration/),
    });
    // A client handed out earlier stops too.
    await expect(h.run(ghl.contacts.get(SAM))).rejects.toMatchObject({ kind: 'reconnect-needed' });
    expect(h.requests()).toBe(before);
  });

  it('is fixed by replacing the token: listeners hear both transitions, the service works again', async () => {
    const { h, heard } = await revokedConnection();
    const rotated = await h.mint({ locationId: LOC });
    const status = await h.run(h.service.replacePrivateToken({ token: rotated }));
    expect(status).toMatchObject({ state: 'connected', reconnectReason: undefined });
    expect(heard.map((s) => s.state)).toEqual(['reconnect-needed', 'connected']);
    const { ghl } = await h.service.client();
    await expect(h.run(ghl.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    expect(h.notified).toHaveLength(1);
  });

  it('refuses the very next client() as soon as the failed call has returned', async () => {
    const h = connectionUnderTest();
    await connectPit(h);
    await h.revoke(SANDBOX_TOKENS.readWrite);
    const { ghl } = await h.service.client();
    // No time passes and nothing else runs between the failure and the retry, as in an outbox
    // that asks for a client again the moment a write fails.
    await expect(ghl.contacts.get(SAM)).rejects.toMatchObject({ kind: 'unauthorized' });
    const before = h.requests();
    await expect(h.service.client()).rejects.toMatchObject({ kind: 'reconnect-needed' });
    expect(await h.service.status()).toMatchObject({ state: 'reconnect-needed' });
    expect(h.requests()).toBe(before);
  });

  it('notifies once when a restart and a failing call notice the loss together', async () => {
    const h = connectionUnderTest();
    await connectPit(h);
    await h.revoke(SANDBOX_TOKENS.readWrite);
    const { ghl } = await h.service.client();
    // The first notification is still being shown when the background restarts.
    h.hooks.notifyDelayMs = 1_000;
    const calls = [1, 2, 3].map(() => ghl.contacts.get(SAM).catch(() => undefined));
    await h.run(Promise.all(calls));
    await h.run(Promise.all([h.service.restore(), h.service.restore(), h.service.settled()]));
    await h.run(h.service.restore());
    expect(await h.service.status()).toMatchObject({ state: 'reconnect-needed' });
    expect(h.notified).toHaveLength(1);
  });

  it('notifies only once after a restart with the same store', async () => {
    const { h } = await revokedConnection();
    await h.run(h.service.restore());
    await h.run(h.service.restore());
    expect(h.notified).toHaveLength(1);
  });

  it('shows a notification that could not be shown at the next restore', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const h = connectionUnderTest();
    await connectPit(h);
    h.hooks.notifyFails = true;
    await h.revoke(SANDBOX_TOKENS.readWrite);
    const { ghl } = await h.service.client();
    await failure(h, ghl.contacts.get(SAM));
    await h.run(h.service.settled());
    expect(await h.service.status()).toMatchObject({ state: 'reconnect-needed' });
    expect(h.notified).toEqual([]);
    expect(warned).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warned.mock.calls)).not.toContain('permission denied');
    h.hooks.notifyFails = false;
    await h.run(h.service.restore());
    await h.run(h.service.restore());
    expect(h.notified).toHaveLength(1);
  });
});

describe('read-only at runtime', () => {
  /**
   * A read-only token whose write probe could not tell (GHL answered 5xx to it): the connection
   * believes it may write until GHL refuses a write.
   */
  async function believesItCanWrite() {
    const h = connectionUnderTest();
    h.hooks.beforeSend = (request) => {
      if (request.method === 'DELETE')
        h.sandbox.state.faults.arm({ failNext: { count: 1, status: 503 } });
    };
    await connectPit(h, SANDBOX_TOKENS.readOnly);
    h.hooks.beforeSend = undefined;
    expect(await h.service.status()).toMatchObject({ canWrite: true, scopes: BOTH });
    return h;
  }

  it('a write refused for lack of scope makes the connection read-only; reads still work', async () => {
    const h = await believesItCanWrite();
    const heard: ConnectionStatus[] = [];
    h.service.onChange((status) => heard.push(status));
    const { ghl } = await h.service.client();
    const error = await failure(
      h,
      ghl.tasks.create(SAM, {
        title: 'Call back',
        dueDate: '2026-12-01T10:00:00.000Z',
        completed: false,
      }),
    );
    expect(error).toMatchObject({ kind: 'missing-scope', status: 401 });
    const status = await h.service.status();
    expect(status).toMatchObject({
      state: 'connected',
      canWrite: false,
      readOnlyReason: expect.stringMatching(/contacts\.write/),
    });
    expect(heard).toEqual([status]);
    expect(h.notified).toEqual([]);
    const { ghl: again } = await h.service.client();
    await expect(h.run(again.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    expect(await h.service.status()).toEqual(status);
  });

  it('a read-only connection refuses writes itself, with the reason, without asking GHL', async () => {
    const h = connectionUnderTest();
    await connectPit(h, SANDBOX_TOKENS.readOnly);
    const { ghl } = await h.service.client();
    const before = h.sandbox.state.counters.total;
    const error = await failure(h, ghl.notes.create(SAM, { body: 'Key quote' }));
    expect(error).toMatchObject({ kind: 'missing-scope', message: NO_WRITE_SCOPE_REASON });
    expect(h.sandbox.state.counters.total).toBe(before);
    // Reads go on; the refusal taught nothing new, so the status is unchanged.
    await expect(h.run(ghl.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    expect(await h.service.status()).toMatchObject({ canWrite: false, state: 'connected' });
  });

  it('a read refused for lack of scope means reconnect, not read-only', async () => {
    // The Sandbox checks only contacts.write, so GHL's refusal of a read is reported to the
    // service as a client would report it.
    const h = connectionUnderTest();
    await connectPit(h);
    const { credentialId } = await h.service.client();
    const refusal = new GhlError('missing-scope', 'GET /contacts/:contactId', { status: 401 });
    h.service.noteFailure(credentialId, refusal, GHL_ENDPOINTS.getContact);
    expect(await h.service.status()).toMatchObject({
      state: 'reconnect-needed',
      canWrite: true,
      reconnectReason: expect.stringMatching(/contacts\.readonly/),
    });
  });

  it('ignores failures of a credential that was replaced meanwhile', async () => {
    const h = connectionUnderTest();
    await connectPit(h);
    const { credentialId } = await h.service.client();
    await h.run(h.service.replacePrivateToken({ token: await h.mint({ locationId: LOC }) }));
    h.service.noteFailure(
      credentialId,
      new GhlError('unauthorized', 'GET /contacts/', { status: 401 }),
    );
    expect(await h.service.status()).toMatchObject({ state: 'connected', canWrite: true });
    expect(h.notified).toEqual([]);
  });

  it('replacing the token with one that may write clears the read-only state', async () => {
    const h = await believesItCanWrite();
    const { ghl } = await h.service.client();
    await failure(h, ghl.tags.add(SAM, ['x']));
    expect(await h.service.status()).toMatchObject({ canWrite: false });
    await h.run(h.service.replacePrivateToken({ token: SANDBOX_TOKENS.readWrite }));
    expect(await h.service.status()).toMatchObject({
      state: 'connected',
      canWrite: true,
      readOnlyReason: undefined,
    });
  });
});

describe('locations and Sandbox mode', () => {
  it('refuses another location while connected, before any request', async () => {
    const h = connectionUnderTest();
    await connectPit(h);
    const before = h.requests();
    const error = await failure(
      h,
      h.service.connectPrivateToken({
        token: SANDBOX_TOKENS.otherLocation,
        locationId: OTHER_LOCATION.id,
      }),
    );
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(/disconnect first/);
    expect(h.requests()).toBe(before);
    expect(await h.store.loadConnection()).toMatchObject({ locationId: LOC, kind: 'pit' });
  });

  it('connects the same location again with a new token, keeping its first connection time', async () => {
    const h = connectionUnderTest();
    const first = await connectPit(h);
    await h.fake.advance(5_000);
    const again = await connectPit(h, SANDBOX_TOKENS.readOnly);
    expect(again).toMatchObject({ since: (first as { since: number }).since, canWrite: false });
  });

  it('Sandbox mode connects and disconnects without an account', async () => {
    const h = connectionUnderTest();
    const status = await h.run(h.service.connectSandbox());
    expect(status).toMatchObject({
      state: 'connected',
      kind: 'sandbox',
      locationId: SANDBOX_LOCATION.id,
      locationName: SANDBOX_LOCATION.name,
      canWrite: true,
    });
    const { ghl } = await h.service.client();
    await expect(h.run(ghl.contacts.get(SAM))).resolves.toMatchObject({ id: SAM });
    // Answered by the extension's own Sandbox, not the network.
    expect(h.seen).toEqual([]);
    expect(h.sandboxMode.state.counters.total).toBe(1);
    expect(await h.run(h.service.disconnect({ wipeCache: false }))).toEqual({
      state: 'not-connected',
    });
    expect(await h.store.loadConnection()).toBeUndefined();
    await expect(h.run(h.service.client())).rejects.toMatchObject({ kind: 'reconnect-needed' });
  });

  it.each([
    ['leaving Sandbox mode keeps', 'sandbox', 'secret-kept'],
    ['disconnecting a live account removes', 'pit', undefined],
  ])('%s an OAuth client secret set up meanwhile', async (_name, kind, expected) => {
    const h = connectionUnderTest();
    await h.store.saveOAuthApp({ clientId: 'c', exchange: 'secret', clientSecret: 'secret-kept' });
    if (kind === 'sandbox') await h.run(h.service.connectSandbox());
    else await connectPit(h);
    await h.run(h.service.disconnect({ wipeCache: false }));
    expect((await h.store.loadOAuthApp())?.clientSecret).toBe(expected);
    expect(await h.store.loadConnection()).toBeUndefined();
  });

  it('a live connection replaces Sandbox mode, whatever its location', async () => {
    const h = connectionUnderTest();
    await h.run(h.service.connectSandbox());
    const status = await connectPit(h, SANDBOX_TOKENS.otherLocation, OTHER_LOCATION.id);
    expect(status).toMatchObject({
      state: 'connected',
      kind: 'pit',
      locationId: OTHER_LOCATION.id,
    });
    const { ghl } = await h.service.client();
    await h.run(ghl.contacts.list({ locationId: OTHER_LOCATION.id, limit: 1 }));
    expect(h.sandboxMode.state.counters.total).toBe(0);
  });

  it('Sandbox mode does not replace a live connection', async () => {
    const h = connectionUnderTest();
    await connectPit(h, SANDBOX_TOKENS.otherLocation, OTHER_LOCATION.id);
    const error = await failure(h, h.service.connectSandbox());
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(/Disconnect first/);
    expect(await h.service.status()).toMatchObject({ kind: 'pit' });
  });
});
