import { describe, expect, it } from 'vitest';
import { cardFields } from '../contact-fields';
import { cardContactName } from '../contact-name';
import { JANE, viewOf } from './card-harness';

const fields = { ...viewOf(JANE).fields, Owner: 'user-1', Updated: '' };

describe('cardContactName', () => {
  it.each([
    ['GHL’s name', { ...JANE, name: 'Dr Jane Doe' }, 'Dr Jane Doe'],
    ['first and last name', { ...JANE, name: undefined }, 'Jane Doe'],
    ['the email', { id: 'c', email: 'x@example.com', phone: '5550100', tags: [] }, 'x@example.com'],
    ['the phone', { id: 'c', phone: '5550100', tags: [] }, '5550100'],
    ['a placeholder', { id: 'c', tags: [] }, 'Unnamed contact'],
  ])('falls back to %s', (_case, record, expected) => {
    expect(cardContactName({ record }, fields)).toBe(expected);
  });

  it('prefers the edited first and last name while the edit is saving', () => {
    const record = { ...JANE, firstName: 'Janet' };
    expect(cardContactName({ record }, fields)).toBe('Jane Doe');
    expect(cardContactName({ record, pending: 'saving' }, fields)).toBe('Janet Doe');
  });

  it('uses the snapshot’s Name when the contact is not cached', () => {
    expect(cardContactName(undefined, fields)).toBe('Jane Doe');
    expect(cardContactName(undefined, {})).toBe('Unnamed contact');
  });
});

describe('cardFields', () => {
  it('lists the snapshot in its order, without empty fields, the name the heading shows or the tags the chips show', () => {
    expect(cardFields(fields, { record: JANE })).toEqual([
      ['Email', 'jane@example.com'],
      ['Phone', '+1 555 010 0199'],
      ['Company', 'Acme'],
      ['Owner', 'user-1'],
    ]);
  });

  it('keeps the Tags row when there is no record to show chips from', () => {
    expect(cardFields(fields, undefined)).toContainEqual(['Tags', 'vip, lead']);
  });

  it('shows the record’s values while a change is saving', () => {
    const record = { ...JANE, email: 'new@example.com', phone: undefined, companyName: 'Beta' };
    expect(cardFields(fields, { record, pending: 'saving' })).toEqual([
      ['Email', 'new@example.com'],
      ['Company', 'Beta'],
      ['Owner', 'user-1'],
    ]);
  });

  it('adds a value the snapshot lacked while saving', () => {
    const snapshot = { Name: 'Ann' };
    const record = { id: 'c2', firstName: 'Ann', email: 'ann@example.com', tags: [] };
    expect(cardFields(snapshot, { record, pending: 'saving' })).toEqual([
      ['Email', 'ann@example.com'],
    ]);
  });
});
