import { describe, expect, it } from 'vitest';
import type { MappedFieldView } from '@/utils/messaging/transcript-view-schema';
import { cardFields, mappedFields } from '../contact-fields';
import { cardContactName } from '../contact-name';
import { JANE, JANE_MAPPED } from './card-harness';

/** Jane's default fields, with an owner on the card and a date that is not. */
const mapped: MappedFieldView[] = [
  { label: 'Owner', text: 'user-1', onCard: true },
  ...JANE_MAPPED,
  { label: 'Updated', text: '27 Nov 2026', onCard: false },
];
const view = { mapped };

describe('cardContactName', () => {
  it.each([
    ['GHL’s name', { ...JANE, name: 'Dr Jane Doe' }, 'Dr Jane Doe'],
    ['first and last name', { ...JANE, name: undefined }, 'Jane Doe'],
    ['the email', { id: 'c', email: 'x@example.com', phone: '5550100', tags: [] }, 'x@example.com'],
    ['the phone', { id: 'c', phone: '5550100', tags: [] }, '5550100'],
    ['a placeholder', { id: 'c', tags: [] }, 'Unnamed contact'],
  ])('falls back to %s', (_case, record, expected) => {
    expect(cardContactName({ record }, view)).toBe(expected);
  });

  it('prefers the edited first and last name while the edit is saving', () => {
    const record = { ...JANE, firstName: 'Janet' };
    expect(cardContactName({ record }, view)).toBe('Jane Doe');
    expect(cardContactName({ record, pending: 'saving' }, view)).toBe('Janet Doe');
  });

  it('without the record: the field read from the name, whatever its label', () => {
    const renamed = [{ label: 'Guest', text: ' Ann Lee ', onCard: false, live: 'name' as const }];
    expect(cardContactName(undefined, { mapped: renamed, fields: { Name: 'Old' } })).toBe(
      'Ann Lee',
    );
  });

  it.each([
    ['Speaker name', { 'Speaker name': 'Ann', Name: 'Old' }, 'Ann'],
    ['Name (records from before the mapping)', { Name: 'Jane Doe' }, 'Jane Doe'],
    ['a placeholder', {}, 'Unnamed contact'],
  ])('without the record or a name field: %s', (_case, fields, expected) => {
    expect(cardContactName(undefined, { mapped: [], fields })).toBe(expected);
  });
});

describe('cardFields', () => {
  it('lists the fields shown on the card in mapping order, without the tags the chips show', () => {
    expect(cardFields(view, { record: JANE })).toEqual([
      ['Owner', 'user-1'],
      ['Organisation', 'Acme'],
      ['Email', 'jane@example.com'],
      ['Phone', '+1 555 010 0199'],
    ]);
  });

  it('keeps the tags row when there is no record to show chips from', () => {
    expect(cardFields(view, undefined)).toContainEqual(['Tags', 'vip, lead']);
  });

  it('keeps a tags row that is not the live tags (a filtered list), even with the record', () => {
    const filtered = [{ label: 'Tags', text: 'vip', onCard: true }];
    expect(cardFields({ mapped: filtered }, { record: JANE })).toEqual([['Tags', 'vip']]);
  });

  it('shows the record’s values while a change is saving, by what each field reads', () => {
    const fields: MappedFieldView[] = [
      { label: 'Work email', text: 'jane@example.com', onCard: true, live: 'email' },
      // Read through a transform: not the record's value as it stands, so the snapshot stays.
      { label: 'Email', text: 'JANE@EXAMPLE.COM', onCard: true },
      { label: 'Phone', text: '+1 555 010 0199', onCard: true, live: 'phone' },
      { label: 'Firm', text: 'Acme', onCard: true, live: 'companyName' },
    ];
    const record = { ...JANE, email: 'new@example.com', phone: undefined, companyName: 'Beta' };
    expect(cardFields({ mapped: fields }, { record, pending: 'saving' })).toEqual([
      ['Work email', 'new@example.com'],
      ['Email', 'JANE@EXAMPLE.COM'],
      ['Firm', 'Beta'],
    ]);
    expect(cardFields({ mapped: fields }, { record })).toContainEqual(['Firm', 'Acme']);
  });

  it('reads the bare fields of a record from before the mapping', () => {
    const fields = { Name: 'Jane Doe', Email: 'a@example.com', Company: 'Acme', Tags: 'vip' };
    expect(cardFields({ fields }, { record: JANE })).toEqual([
      ['Email', 'a@example.com'],
      ['Company', 'Acme'],
    ]);
    const record = { ...JANE, companyName: 'Beta' };
    expect(cardFields({ fields }, { record, pending: 'saving' })).toContainEqual([
      'Company',
      'Beta',
    ]);
    expect(mappedFields({ fields }).map((field) => field.live)).toEqual([
      'name',
      'email',
      'companyName',
      'tags',
    ]);
  });

  it('prefers the mapped fields to the bare record', () => {
    expect(cardFields({ mapped: [], fields: { Email: 'a@example.com' } }, undefined)).toEqual([]);
  });
});

describe('cardFields with the location names', () => {
  const named: MappedFieldView[] = [
    { label: 'Owner', text: 'user-1', onCard: true, user: true },
    { label: 'cf-stage', text: 'Qualified', onCard: true, customFieldId: 'cf-stage' },
    { label: 'cf-other', text: 'x', onCard: true, customFieldId: 'cf-other' },
  ];
  const names = {
    users: [{ id: 'user-1', name: 'Casey Lindqvist' }],
    customFields: [{ id: 'cf-stage', name: 'Deal stage', key: 'contact.deal_stage' }],
    missingScopes: [],
  };

  it("shows the owner's name and a custom field's name, ids where unknown", () => {
    expect(cardFields({ mapped: named }, undefined, names)).toEqual([
      ['Owner', 'Casey Lindqvist'],
      ['Deal stage', 'Qualified'],
      ['cf-other', 'x'],
    ]);
  });

  it('shows ids without names', () => {
    expect(cardFields({ mapped: named }, undefined)).toEqual([
      ['Owner', 'user-1'],
      ['cf-stage', 'Qualified'],
      ['cf-other', 'x'],
    ]);
  });
});
