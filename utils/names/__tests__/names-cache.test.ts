import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import { createCacheDbSource } from '../../db/open-cache-db';
import { createNamesCache, NAMES_REFRESH_MS, NAMES_RETRY_MS } from '../names-cache';

/**
 * The names cache against an in-process Sandbox: what it asks GHL and when, and what a token
 * without the optional scopes gets (the scopes named, nothing retried until the next refresh).
 */
function setup(options: { token?: string; credentialId?: string; failWith?: number } = {}) {
  const fake = createFakeClock();
  const clock = fake.clock;
  const sandbox = createSandbox({ clock });
  const { client } = sandboxClient(sandbox, {
    clock,
    token: options.token,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
  const source = createCacheDbSource(`names-${crypto.randomUUID()}`);
  let credentialId = options.credentialId ?? 'cred-1';
  let connected = true;
  const cache = createNamesCache({
    db: source,
    clock,
    client: async () => {
      if (!connected) throw new Error('not connected');
      return { credentialId, locationId: SANDBOX_LOCATION.id, ghl: client };
    },
  });
  const requests = () => sandbox.state.counters.total;
  // Every read runs on the fake clock (the rate limiter and latency wait on it).
  const names = { get: () => fake.run(cache.get()) };
  return {
    clock: fake,
    sandbox,
    names,
    requests,
    reconnect: (id: string) => (credentialId = id),
    disconnect: () => (connected = false),
  };
}

describe('createNamesCache', () => {
  it('reads users and custom fields once, then answers from the cache for a day', async () => {
    const t = setup();
    const first = await t.names.get();
    expect(first?.users?.find((u) => u.id === 'sbxUserCasey00000003')?.name).toBe(
      'Casey Lindqvist',
    );
    expect(first?.customFields?.find((f) => f.id === 'sbxCfDealStage000001')).toEqual({
      id: 'sbxCfDealStage000001',
      name: 'Deal stage',
      key: 'contact.deal_stage',
    });
    expect(first?.missingScopes).toEqual([]);
    expect(t.requests()).toBe(2);

    await Promise.all([t.names.get(), t.names.get()]);
    await t.clock.advance(NAMES_REFRESH_MS - 1);
    await t.names.get();
    expect(t.requests()).toBe(2);

    await t.clock.advance(1);
    await t.names.get();
    expect(t.requests()).toBe(4);
  });

  it('reads again at once for a new connection', async () => {
    const t = setup();
    await t.names.get();
    t.reconnect('cred-2');
    await t.names.get();
    expect(t.requests()).toBe(4);
  });

  it('names the missing optional scopes and does not ask again before the next refresh', async () => {
    const t = setup({ token: SANDBOX_TOKENS.readOnly });
    const names = await t.names.get();
    expect(names).toMatchObject({
      missingScopes: ['users.readonly', 'locations/customFields.readonly'],
      complete: true,
    });
    expect(names?.users).toBeUndefined();
    expect(names?.customFields).toBeUndefined();
    for (let i = 0; i < 5; i += 1) await t.names.get();
    await t.clock.advance(NAMES_REFRESH_MS / 2);
    await t.names.get();
    expect(t.requests()).toBe(2);
  });

  it('keeps the names it had when GHL fails, and tries again after an hour only', async () => {
    const t = setup();
    await t.names.get();
    await t.clock.advance(NAMES_REFRESH_MS);
    t.sandbox.state.faults.arm({ failNext: { count: 2, status: 503 } });
    const kept = await t.names.get();
    expect(kept?.users?.length).toBe(3);
    expect(kept?.complete).toBe(false);
    const after = t.requests();
    await t.names.get();
    expect(t.requests()).toBe(after);
    await t.clock.advance(NAMES_RETRY_MS);
    expect((await t.names.get())?.complete).toBe(true);
  });

  it('reads nothing while not connected', async () => {
    const t = setup();
    t.disconnect();
    expect(await t.names.get()).toBeUndefined();
    expect(t.requests()).toBe(0);
  });
});
