import { describe, expect, it } from 'vitest';
import { systemClock } from '../../clock';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { SANDBOX_LOCATION, SANDBOX_TOKENS, SANDBOX_USERS } from '../../../sandbox/sandbox-fixtures';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { customFieldListResponse } from '../schemas/custom-field-schemas';
import { oddRecordsOf } from '../schemas/tolerant-list';
import { userListResponse } from '../schemas/user-schemas';
import { GhlError } from '../ghl-error';

// The two optional reads that turn ids into names: their schemas read record by record, and the
// client calls them the way the Sandbox (and GHL's spec) answers.

describe('userListResponse', () => {
  it('keeps a user whose odd field does not fit, and skips one without an id', () => {
    const { users } = userListResponse.parse({
      users: [
        { id: 'u1', name: 'Avery Quinn', firstName: 'Avery' },
        { id: 'u2', name: 42, firstName: 'Blake', lastName: 'Moreno' },
        { name: 'No Id' },
      ],
    });
    expect(users.map((u) => [u.id, u.name ?? null])).toEqual([
      ['u1', 'Avery Quinn'],
      ['u2', null],
    ]);
    expect(oddRecordsOf(users).map((odd) => odd.outcome)).toEqual(['kept', 'skipped']);
  });

  it('fails an answer that has no list at all', () => {
    expect(userListResponse.safeParse({ users: 'nope' }).success).toBe(false);
  });
});

describe('customFieldListResponse', () => {
  it('reads names and keys, null where GHL sends null', () => {
    const { customFields } = customFieldListResponse.parse({
      customFields: [
        { id: 'cf1', name: 'Deal stage', fieldKey: 'contact.deal_stage', position: 0 },
        { id: 'cf2', name: null, fieldKey: null },
        { id: 'cf3', name: ['not', 'a', 'name'] },
      ],
    });
    expect(customFields.map((f) => [f.id, f.name ?? null, f.fieldKey ?? null])).toEqual([
      ['cf1', 'Deal stage', 'contact.deal_stage'],
      ['cf2', null, null],
      ['cf3', null, null],
    ]);
  });
});

describe('the client against the Sandbox', () => {
  const location = SANDBOX_LOCATION.id;

  it('lists the location users and its contact custom fields', async () => {
    const { client } = sandboxClient(createSandbox({ clock: systemClock }), { clock: systemClock });
    const users = await client.users.list(location);
    expect(users.map((u) => [u.id, u.name])).toEqual(SANDBOX_USERS.map((u) => [u.id, u.name]));
    const fields = await client.customFields.list(location);
    expect(fields.find((f) => f.id === 'sbxCfDealStage000001')).toMatchObject({
      name: 'Deal stage',
      fieldKey: 'contact.deal_stage',
    });
  });

  it('is refused as missing-scope with a token that lacks the optional scopes', async () => {
    const { client } = sandboxClient(createSandbox({ clock: systemClock }), {
      clock: systemClock,
      token: SANDBOX_TOKENS.readOnly,
    });
    for (const call of [client.users.list(location), client.customFields.list(location)]) {
      const error = await call.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GhlError);
      expect((error as GhlError).kind).toBe('missing-scope');
    }
  });

  it("refuses another location's users (403)", async () => {
    const { client } = sandboxClient(createSandbox({ clock: systemClock }), { clock: systemClock });
    const error = await client.users.list('sbxLoc7Other00000002').catch((e: unknown) => e);
    expect((error as GhlError).kind).toBe('forbidden');
  });
});
