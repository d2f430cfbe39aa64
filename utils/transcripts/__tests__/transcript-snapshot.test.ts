import { describe, expect, it } from 'vitest';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import type { FieldMapping } from '../../mapping/field-mapping';
import {
  changedFieldLabels,
  contactDisplayName,
  contactName,
  contactSnapshot,
} from '../transcript-snapshot';

const JANE: GhlContact = {
  id: 'c1',
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@acme.example',
  phone: null,
  companyName: 'Acme Corp',
  tags: ['vip', 'interviewed'],
  assignedTo: 'user1',
  dateUpdated: '2026-11-26T09:15:00.000Z',
};

describe('transcript snapshot', () => {
  it('maps the default fields; empty ones are left out', () => {
    expect(contactSnapshot(JANE, { timeZone: 'UTC' })).toEqual({
      'Speaker name': 'Jane Doe',
      Organisation: 'Acme Corp',
      Email: 'jane@acme.example',
      Tags: 'vip, interviewed',
      'Summary header': 'Jane Doe — Acme Corp',
      Owner: 'user1',
      Updated: '26 Nov 2026',
    });
  });

  it('takes another mapping', () => {
    const mapping: FieldMapping = {
      version: 2,
      rules: [
        {
          id: 'city',
          source: { kind: 'standard', field: 'city' },
          target: { kind: 'custom', label: 'City' },
          showOnCard: true,
        },
      ],
    };
    expect(contactSnapshot({ id: 'c', city: 'Leeds' }, { mapping })).toEqual({ City: 'Leeds' });
  });

  it.each<[GhlContact, string]>([
    [{ id: 'c', name: 'Full Name', firstName: 'A' }, 'Full Name'],
    [{ id: 'c', firstName: 'Only' }, 'Only'],
    [{ id: 'c', email: 'x@example.com' }, 'x@example.com'],
    [{ id: 'c' }, 'Unnamed contact'],
  ])('names %o "%s"', (contact, name) => {
    expect(contactDisplayName(contact)).toBe(name);
  });

  it('names nothing for no contact, and undefined for a contact without a name', () => {
    expect(contactDisplayName(undefined)).toBe('Unknown contact');
    expect(contactName({ id: 'c', name: '  ' })).toBeUndefined();
  });

  it('names the fields that changed, not the bookkeeping ones', () => {
    const before = contactSnapshot(JANE, { timeZone: 'UTC' });
    const after = contactSnapshot(
      { ...JANE, phone: '+1555', tags: [], dateUpdated: '2026-11-27T00:00:00Z' },
      { timeZone: 'UTC' },
    );
    expect(changedFieldLabels(before, after)).toEqual(['Phone', 'Tags']);
    expect(changedFieldLabels(undefined, after)).toEqual([]);
  });
});
