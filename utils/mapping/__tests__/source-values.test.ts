import { describe, expect, it } from 'vitest';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import { STANDARD_FIELDS, type StandardField } from '../field-mapping';
import { contactName, sourceList, sourceText, valueText } from '../source-values';

/** A contact with every standard field GHL documents, as GHL sends it. */
const FULL = {
  id: 'c1',
  name: 'Jane Doe',
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@acme.example',
  phone: '+441130000000',
  companyName: 'Acme Corp',
  address1: '1 High St',
  city: 'Leeds',
  state: 'West Yorkshire',
  country: 'GB',
  postalCode: 'LS1 1AA',
  website: 'https://acme.example',
  timezone: 'Europe/London',
  tags: ['vip', 'interviewed'],
  type: 'lead',
  source: 'public api',
  assignedTo: 'user1',
  dnd: true,
  dndSettings: { Call: { status: 'active', message: 'On leave' }, Email: { status: 'inactive' } },
  dateOfBirth: '1990-05-17',
  dateAdded: '2021-07-02T05:18:26.704Z',
  dateUpdated: '2026-11-26T09:15:00.000Z',
  lastActivity: '2026-11-25T10:00:00.000Z',
  businessId: 'biz1',
  attachments: 'contract.pdf',
  keyword: 'webinar',
  attributionSource: { url: 'https://acme.example/form', campaign: null, medium: 'form' },
  lastAttributionSource: { url: 'https://acme.example/call', utmSource: 'google' },
  visitorId: 'visitor1',
} satisfies GhlContact;

const EXPECTED: Record<StandardField, string> = {
  name: 'Jane Doe',
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@acme.example',
  phone: '+441130000000',
  companyName: 'Acme Corp',
  address1: '1 High St',
  city: 'Leeds',
  state: 'West Yorkshire',
  country: 'GB',
  postalCode: 'LS1 1AA',
  website: 'https://acme.example',
  timezone: 'Europe/London',
  tags: 'vip, interviewed',
  type: 'lead',
  source: 'public api',
  assignedTo: 'user1',
  dnd: 'Yes',
  dndSettings: 'Call status: active, Call message: On leave, Email status: inactive',
  dateOfBirth: '1990-05-17',
  dateAdded: '2021-07-02T05:18:26.704Z',
  dateUpdated: '2026-11-26T09:15:00.000Z',
  lastActivity: '2026-11-25T10:00:00.000Z',
  businessId: 'biz1',
  attachments: 'contract.pdf',
  keyword: 'webinar',
  attributionSource: 'url: https://acme.example/form, medium: form',
  lastAttributionSource: 'url: https://acme.example/call, utmSource: google',
  visitorId: 'visitor1',
  id: 'c1',
};

describe('standard fields', () => {
  it.each(Object.keys(STANDARD_FIELDS) as StandardField[])('reads %s as text', (field) => {
    expect(sourceText(FULL, { kind: 'standard', field })).toBe(EXPECTED[field]);
  });

  it.each(Object.keys(STANDARD_FIELDS).filter((field) => field !== 'id') as StandardField[])(
    'reads %s as "" when the contact has none',
    (field) => {
      const empty = { id: 'c', tags: [], dndSettings: {}, attributionSource: { campaign: null } };
      expect(sourceText(empty, { kind: 'standard', field })).toBe('');
    },
  );

  it('reads false as "No" and null as ""', () => {
    expect(sourceText({ id: 'c', dnd: false }, { kind: 'standard', field: 'dnd' })).toBe('No');
    expect(sourceText({ id: 'c', phone: null }, { kind: 'standard', field: 'phone' })).toBe('');
  });
});

describe('custom fields', () => {
  const contact: GhlContact = {
    id: 'c',
    customFields: [
      { id: 'text', value: ' Budget approved ' },
      { id: 'number', value: 42.5 },
      { id: 'zero', value: 0 },
      { id: 'flag', value: false },
      { id: 'list', value: ['Red', 'Green', null] },
      { id: 'object', value: { street: 'High St', geo: { lat: 53.8 } } },
      { id: 'nothing', value: null },
    ],
  };

  it.each([
    ['text', 'Budget approved'],
    ['number', '42.5'],
    ['zero', '0'],
    ['flag', 'No'],
    ['list', 'Red, Green'],
    ['object', 'street: High St, geo lat: 53.8'],
    ['nothing', ''],
    ['absent', ''],
  ])('reads %s as "%s"', (id, text) => {
    expect(sourceText(contact, { kind: 'custom', id, label: id })).toBe(text);
  });

  it('reads "" from a contact without custom fields', () => {
    expect(
      sourceText({ id: 'c', customFields: null }, { kind: 'custom', id: 'x', label: 'X' }),
    ).toBe('');
  });
});

describe('lists', () => {
  it('reads a list as its items and a text as a comma list', () => {
    expect(sourceList(FULL, { kind: 'standard', field: 'tags' })).toEqual(['vip', 'interviewed']);
    const contact: GhlContact = { id: 'c', customFields: [{ id: 'l', value: 'a, b,,c ' }] };
    expect(sourceList(contact, { kind: 'custom', id: 'l', label: 'L' })).toEqual(['a', 'b', 'c']);
    expect(sourceList({ id: 'c' }, { kind: 'standard', field: 'tags' })).toEqual([]);
  });
});

describe('names and values', () => {
  it.each<[Partial<GhlContact>, string | undefined]>([
    [{ name: ' Full Name ', firstName: 'A' }, 'Full Name'],
    [{ firstName: 'Jo', lastName: 'Bloggs' }, 'Jo Bloggs'],
    [{ lastName: 'Bloggs' }, 'Bloggs'],
    [{ name: ' ', email: 'x@example.com' }, 'x@example.com'],
    [{}, undefined],
  ])('names %o %s', (contact, name) => {
    expect(contactName(contact)).toBe(name);
  });

  it('never writes "[object Object]"', () => {
    expect(valueText([{ a: 1 }, { b: { c: true } }])).toBe('a: 1, b c: Yes');
    expect(valueText({ list: ['x', 'y'] })).toBe('list: x, y');
    expect(valueText(Symbol('s'))).toBe('');
  });
});
