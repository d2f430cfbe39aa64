import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { GhlError } from '../ghl-error';
import { createOAuthTokenClient } from '../oauth-token-client';
import type { RequestAttempt } from '../send-once';

const SAM = 'sbxContSamLee0000001';
const TOKEN = SANDBOX_TOKENS.readWrite;

function setup(options: { guard?: () => Promise<void> } = {}) {
  const fake = createFakeClock();
  const sandbox = createSandbox({ clock: fake.clock });
  const attempts: RequestAttempt[] = [];
  const { client } = sandboxClient(sandbox, {
    clock: fake.clock,
    token: TOKEN,
    onAttempt: (attempt) => void attempts.push(attempt),
    guard: options.guard,
  });
  return { fake, sandbox, client, attempts };
}

describe('onAttempt: every HTTP attempt, and only what is safe to keep', () => {
  it('reports a 429 and its retry as two attempts, with no token anywhere', async () => {
    const { fake, sandbox, client, attempts } = setup();
    sandbox.state.faults.arm({ rateLimitStorm: { durationMs: 1, retryAfterSeconds: 1 } });
    const start = fake.now();
    await fake.run(client.contacts.get(SAM));
    expect(attempts).toEqual([
      {
        at: start,
        operation: 'get-contact',
        method: 'GET',
        params: { contactId: SAM },
        priority: 'user',
        status: 429,
        error: 'rate-limited',
        durationMs: 0,
      },
      expect.objectContaining({ status: 200, error: undefined, at: start + 1_000 }),
    ]);
    expect(attempts).toHaveLength(sandbox.state.counters.total);
    expect(JSON.stringify(attempts)).not.toContain(TOKEN);
  });

  it('keeps the path ids and the priority, never query values or bodies', async () => {
    const { fake, client, attempts } = setup();
    const task = await fake.run(
      client.tasks.create(SAM, {
        title: 'Call back about the quote',
        completed: false,
        dueDate: '2026-12-01T10:00:00.000Z',
      }),
    );
    await fake.run(
      client.contacts.list(
        { locationId: SANDBOX_LOCATION.id, limit: 1 },
        { priority: 'background' },
      ),
    );
    await fake.run(client.tasks.get(SAM, task.id));
    expect(
      attempts.map(({ operation, params, priority }) => ({ operation, params, priority })),
    ).toEqual([
      { operation: 'create-task', params: { contactId: SAM }, priority: 'user' },
      { operation: 'get-contacts', params: {}, priority: 'background' },
      { operation: 'get-task', params: { contactId: SAM, taskId: task.id }, priority: 'user' },
    ]);
    const serialized = JSON.stringify(attempts);
    expect(serialized).not.toContain('Call back');
    expect(serialized).not.toContain(SANDBOX_LOCATION.id);
  });

  it('times the attempt on the clock it was given', async () => {
    const { fake, sandbox, client, attempts } = setup();
    sandbox.state.faults.arm({ latencyMs: 250 });
    await fake.run(client.contacts.get(SAM));
    expect(attempts).toMatchObject([{ status: 200, durationMs: 250 }]);
  });

  it('reports an attempt with no answer by its error kind', async () => {
    const { fake, sandbox, client, attempts } = setup();
    sandbox.state.faults.arm({ dropNext: { count: 5 } });
    await expect(fake.run(client.contacts.get(SAM))).rejects.toBeInstanceOf(GhlError);
    expect(attempts.length).toBeGreaterThan(1); // retried: a read is idempotent
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ status: undefined, error: 'network' });
    }
  });

  it('reports a call abandoned in flight as aborted', async () => {
    const { fake, sandbox, client, attempts } = setup();
    sandbox.state.faults.arm({ latencyMs: 2_000 });
    const controller = new AbortController();
    const read = client.contacts.get(SAM, { signal: controller.signal }).catch((e: unknown) => e);
    await fake.advance(500);
    controller.abort(new DOMException('closed the panel', 'AbortError'));
    await fake.run(read);
    expect(attempts).toMatchObject([{ error: 'aborted', durationMs: 500 }]);
  });

  const refuse = async () => {
    throw new GhlError('missing-scope', 'delete-task');
  };
  it.each([
    ['an invalid id', '..', undefined],
    ['a guard refusal', 'someTask0001', refuse],
  ])('reports nothing for a call refused before sending: %s', async (_, taskId, guard) => {
    const { fake, client, attempts, sandbox } = setup({ guard });
    await expect(fake.run(client.tasks.delete(SAM, taskId))).rejects.toBeInstanceOf(GhlError);
    expect(attempts).toEqual([]);
    expect(sandbox.state.counters.total).toBe(0);
  });
});

describe('onAttempt of the OAuth token client', () => {
  const SECRET = 'client-secret-value';
  const CODE = 'authorization-code-value';
  const REFRESH = 'refresh-token-value';

  function tokenClient(answers: (() => Response)[]) {
    const fake = createFakeClock();
    const attempts: RequestAttempt[] = [];
    const fetch: typeof globalThis.fetch = async () => {
      const answer = answers.shift();
      if (!answer) throw new TypeError('Failed to fetch');
      return answer();
    };
    const oauth = createOAuthTokenClient({
      fetch,
      clock: fake.clock,
      onAttempt: (attempt) => void attempts.push(attempt),
    });
    return { oauth, attempts };
  }
  const granted = () =>
    Response.json({
      access_token: 'new-access-token',
      refresh_token: 'new-refresh-token',
      expires_in: 3600,
      userId: 'user1',
    });

  it('reports a code exchange as the person’s and a refresh as the extension’s', async () => {
    const { oauth, attempts } = tokenClient([granted, () => new Response('{}', { status: 401 })]);
    const credentials = { clientId: 'client-id', clientSecret: SECRET };
    await oauth.exchangeCode(credentials, CODE, 'https://example.org/cb');
    await expect(oauth.refresh(credentials, REFRESH)).rejects.toMatchObject({
      kind: 'reconnect-needed',
    });
    await expect(oauth.refresh(credentials, REFRESH)).rejects.toMatchObject({ kind: 'network' });
    expect(attempts).toMatchObject([
      { operation: 'get-access-token', method: 'POST', params: {}, priority: 'user', status: 200 },
      { operation: 'get-access-token', priority: 'background', status: 401 },
      { operation: 'get-access-token', priority: 'background', error: 'network' },
    ]);
    const serialized = JSON.stringify(attempts);
    for (const secret of [SECRET, CODE, REFRESH, 'new-access-token', 'new-refresh-token']) {
      expect(serialized).not.toContain(secret);
    }
  });
});
