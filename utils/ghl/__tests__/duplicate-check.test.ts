import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { SANDBOX_LOCATION } from '../../../sandbox/sandbox-fixtures';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { createFakeClock } from '../../../test/support/fake-clock';
import { errorFromResponse } from '../error-from-response';
import { GhlError } from '../ghl-error';

const LOC = SANDBOX_LOCATION.id;

describe('GHL duplicate check and duplicate refusals', () => {
  function setup() {
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    return { fake, client };
  }

  it('findDuplicate answers the contact by email or E.164 number, or null', async () => {
    const { fake, client } = setup();
    const made = await fake.run(
      client.contacts.create({
        locationId: LOC,
        firstName: 'Dee',
        email: 'dee@example.com',
        phone: '555 300 4000',
      }),
    );
    expect(made.phone).toBe('+15553004000');
    const byEmail = await fake.run(
      client.contacts.findDuplicate({ locationId: LOC, email: 'dee@example.com' }),
    );
    expect(byEmail?.id).toBe(made.id);
    const byNumber = await fake.run(
      client.contacts.findDuplicate({ locationId: LOC, number: '+15553004000' }),
    );
    expect(byNumber?.id).toBe(made.id);
    expect(
      await fake.run(
        client.contacts.findDuplicate({ locationId: LOC, email: 'nobody@example.com' }),
      ),
    ).toBeNull();
  });

  it('a create refused as a duplicate names the existing contact', async () => {
    const { fake, client } = setup();
    const first = await fake.run(
      client.contacts.create({ locationId: LOC, email: 'twice@example.com' }),
    );
    const refusal = await fake
      .run(client.contacts.create({ locationId: LOC, email: 'twice@example.com' }))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GhlError);
    expect(refusal).toMatchObject({ kind: 'validation', status: 400, existingId: first.id });
  });

  it.each([
    ['a duplicate body', { statusCode: 400, message: 'dup', meta: { contactId: 'c1' } }, 'c1'],
    ['a body without meta', { statusCode: 400, message: 'bad' }, undefined],
    ['a meta of another shape', { statusCode: 400, message: 'bad', meta: 'x' }, undefined],
  ])('errorFromResponse reads existingId from %s', (_what, body, existingId) => {
    const error = errorFromResponse('POST /contacts/', 400, JSON.stringify(body));
    expect(error.existingId).toBe(existingId);
    expect(error.ghlMessages).toEqual([body.message]);
  });
});
