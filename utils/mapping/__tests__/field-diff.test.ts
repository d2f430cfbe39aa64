import { describe, expect, it } from 'vitest';
import { diffFields } from '../field-diff';

describe('diffFields', () => {
  it('gives the changed, added and removed fields, not the unchanged ones', () => {
    const before = { Email: 'a@example.com', Phone: '1', Tags: 'vip', Owner: 'u1' };
    const after = { Email: 'b@example.com', Tags: 'vip', Owner: 'u1', City: 'Leeds' };
    expect(diffFields(before, after)).toEqual([
      { label: 'Email', before: 'a@example.com', after: 'b@example.com' },
      { label: 'City', after: 'Leeds' },
      { label: 'Phone', before: '1' },
    ]);
  });

  it('leaves before and after absent, not undefined, where the field is absent', () => {
    const [added] = diffFields({}, { City: 'Leeds' });
    const [removed] = diffFields({ City: 'Leeds' }, {});
    expect(Object.keys(added!)).toEqual(['label', 'after']);
    expect(Object.keys(removed!)).toEqual(['label', 'before']);
  });

  it('reads no earlier record as an empty one', () => {
    expect(diffFields(undefined, { Email: 'x' })).toEqual([{ label: 'Email', after: 'x' }]);
    expect(diffFields(undefined, {})).toEqual([]);
  });

  it('gives nothing when the records are the same', () => {
    expect(diffFields({ Email: 'x', Tags: 'a' }, { Tags: 'a', Email: 'x' })).toEqual([]);
  });

  it('tells an empty text from an absent field, and is case sensitive', () => {
    expect(diffFields({ Email: '' }, {})).toEqual([{ label: 'Email', before: '' }]);
    expect(diffFields({ Email: 'X' }, { Email: 'x' })).toEqual([
      { label: 'Email', before: 'X', after: 'x' },
    ]);
  });

  it('is not fooled by field names that are Object properties', () => {
    expect(diffFields({}, { constructor: 'c' })).toEqual([{ label: 'constructor', after: 'c' }]);
    expect(diffFields({ toString: 't' }, {})).toEqual([{ label: 'toString', before: 't' }]);
  });
});
