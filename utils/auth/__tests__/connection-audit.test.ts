import { describe, expect, it } from 'vitest';
import { auditEntryOf } from '../../audit/audit-entry';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import { connectionUnderTest, SECRET_APP, type ConnectionUnderTest } from './connection-harness';

const SAM = 'sbxContSamLee0000001';
const HOUR = 60 * 60_000;

/** Every credential the connection holds now, as text that must appear in no audit entry. */
async function secretsOf(h: ConnectionUnderTest): Promise<string[]> {
  const credential = (await h.store.loadConnection())?.credential;
  if (credential?.type === 'pit') return [credential.token];
  if (credential?.type === 'oauth') return [credential.accessToken, credential.refreshToken];
  return [];
}

function expectNoSecrets(h: ConnectionUnderTest, secrets: string[]) {
  const serialized = JSON.stringify([h.audited, h.audited.map(auditEntryOf)]);
  for (const secret of secrets) expect(serialized).not.toContain(secret);
}

describe('the connection reports every request it sends to the audit hook', () => {
  it('with a Private Integration token: the check, calls and retries, and no token', async () => {
    const h = connectionUnderTest();
    await h.run(
      h.service.connectPrivateToken({
        token: SANDBOX_TOKENS.readWrite,
        locationId: SANDBOX_LOCATION.id,
      }),
    );
    const { ghl } = await h.run(h.service.client());
    await h.run(ghl.contacts.get(SAM));
    h.sandbox.state.faults.arm({ rateLimitStorm: { durationMs: 1, retryAfterSeconds: 1 } });
    await h.run(ghl.tasks.list(SAM, { priority: 'background' }));

    expect(h.audited).toHaveLength(h.seen.length);
    expect(h.audited.map(auditEntryOf)).toMatchObject([
      { operation: 'get-contacts', startedBy: 'person', result: '200' },
      { operation: 'delete-task', startedBy: 'person', recordId: 'ghlForTrintScopeProbe' },
      { operation: 'get-contact', startedBy: 'person', recordId: SAM, contactId: SAM },
      { operation: 'get-all-tasks', startedBy: 'sync', result: '429' },
      { operation: 'get-all-tasks', startedBy: 'sync', result: '200' },
    ]);
    expectNoSecrets(h, [SANDBOX_TOKENS.readWrite]);
  });

  it('with OAuth: a token refresh is an entry of its own, and no token either', async () => {
    const h = connectionUnderTest({ tokenTtlSeconds: 3600 });
    await h.store.saveOAuthApp(SECRET_APP);
    await h.run(h.service.connectOAuth({ readOnly: false }));
    const before = await secretsOf(h);
    h.seen.length = 0;
    h.audited.length = 0;

    await h.fake.advance(2 * HOUR);
    const { ghl } = await h.run(h.service.client());
    await h.run(ghl.contacts.get(SAM));

    expect(h.audited).toHaveLength(h.seen.length);
    expect(h.audited.map(auditEntryOf)).toMatchObject([
      { operation: 'get-access-token', method: 'POST', startedBy: 'sync', result: '200' },
      { operation: 'get-contact', startedBy: 'person', result: '200' },
    ]);
    expectNoSecrets(h, [...before, ...(await secretsOf(h)), SECRET_APP.clientSecret!]);
  });
});
