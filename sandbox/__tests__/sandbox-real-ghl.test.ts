import { describe, expect, it } from 'vitest';
import { sandboxClient } from '../../test/support/sandbox-client';
import { SANDBOX_LOCATION } from '../sandbox-fixtures';
import { DEFAULT_SEARCH_LAG_MS } from '../search-lag';
import { sandboxUnderTest } from './sandbox-requests';

const LOC = SANDBOX_LOCATION.id;

/** Where real GHL answers differently from its spec, the Sandbox answers as GHL (README lists each). */
describe('the Sandbox answers as real GHL does, not only as the spec says', () => {
  it('search answers carry dateOfBirth as epoch ms and the street as address (#314)', async () => {
    const { send, sandbox, fake } = sandboxUnderTest();
    const created = await send('/contacts/', {
      method: 'POST',
      body: {
        locationId: LOC,
        firstName: 'Birthday',
        lastName: 'Person',
        dateOfBirth: '1990-05-17',
        address1: '1 Main St',
      },
    });
    expect(created.status).toBe(201);
    const id: string = created.json.contact.id;
    // Search sees a new contact only after its indexing lag (search-lag.ts).
    await fake.advance(DEFAULT_SEARCH_LAG_MS);

    const found = await send('/contacts/search', {
      method: 'POST',
      body: { locationId: LOC, query: 'Birthday Person', pageLimit: 10 },
    });
    const hit = found.json.contacts.find((c: { id: string }) => c.id === id);
    expect(hit).toMatchObject({ dateOfBirth: Date.UTC(1990, 4, 17), address: '1 Main St' });

    // GET by id keeps the spec's string and address1.
    const one = await send(`/contacts/${id}`);
    expect(one.json.contact).toMatchObject({ dateOfBirth: '1990-05-17', address1: '1 Main St' });
    expect(one.json.contact).not.toHaveProperty('address');

    // Contacts without a birthday carry none; and the product's client reads such an answer.
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    const answer = await fake.run(client.contacts.search({ locationId: LOC, pageLimit: 100 }));
    expect(answer.contacts.find((c) => c.id === id)?.dateOfBirth).toBe(Date.UTC(1990, 4, 17));
    expect(answer.contacts.filter((c) => c.dateOfBirth !== undefined)).toHaveLength(1);
  });
});
