import { describe, expect, it } from 'vitest';
import { contactFromSearch } from '../search-contact-shape';

describe('a contact from a search answer', () => {
  it('takes GET by id’s names: name, address1, a birth date string', () => {
    const contact = contactFromSearch({
      id: 'c1',
      contactName: 'Jane Doe',
      firstName: 'Jane',
      address: '1 Main St',
      dateOfBirth: Date.UTC(1990, 3, 12),
      dateUpdated: '2026-12-01T10:00:00.000Z',
    });
    expect(contact).toMatchObject({
      id: 'c1',
      name: 'Jane Doe',
      address1: '1 Main St',
      dateOfBirth: '1990-04-12',
    });
    expect(contact).not.toHaveProperty('address');
    expect(contact).not.toHaveProperty('contactName');
  });

  it('keeps what only GET by id has, and empties what search carries but left out', () => {
    const cached = {
      id: 'c1',
      name: 'Jane Doe',
      website: 'https://old.example',
      emailLowerCase: 'jane@example.com',
      dateOfBirth: '1990-04-12T00:00:00.000Z',
    };
    const contact = contactFromSearch(
      { id: 'c1', firstName: 'Jane', lastName: 'Doe', dateOfBirth: Date.UTC(1990, 3, 12) },
      cached,
    );
    expect(contact.emailLowerCase).toBe('jane@example.com');
    expect(contact.website).toBeUndefined();
    // The same instant as the cached string: the cached string stays (nothing seems changed).
    expect(contact.dateOfBirth).toBe('1990-04-12T00:00:00.000Z');
    expect(contact.name).toBe('Jane Doe');
  });
});
