import { describe, expect, it } from 'vitest';
import { checkValue, type JsonSchema } from './schema-check';

const TAG_LIST: JsonSchema = { type: 'array', items: { type: 'string' } };
const CONTACT: JsonSchema = {
  type: 'object',
  properties: {
    contact: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        tags: TAG_LIST,
        email: { type: 'string', nullable: true },
        phone: { type: 'string' },
        dnd: { type: 'boolean' },
        kind: { type: 'string', enum: ['lead', 'customer'] },
        field: { anyOf: [{ type: 'string' }, { type: 'number' }] },
      },
    },
  },
};

describe('checkValue', () => {
  it.each([
    ['a valid value', { contact: { id: 'c1', tags: ['a'], dnd: false } }, []],
    ['extra fields in a response', { contact: { id: 'c1', score: 3 } }, []],
    [
      'a wrong type',
      { contact: { id: 'c1', tags: 'a' } },
      ['contact.tags: expected array, got string'],
    ],
    [
      'a wrong item',
      { contact: { id: 'c1', tags: ['a', 2] } },
      ['contact.tags[1]: expected string, got number'],
    ],
    ['a missing required field', { contact: {} }, ['contact.id: required but missing']],
    [
      'a value outside the enum',
      { contact: { id: 'c1', kind: 'vip' } },
      ['contact.kind: expected one of "lead", "customer", got "vip"'],
    ],
    [
      'no matching alternative',
      { contact: { id: 'c1', field: true } },
      ['contact.field: matches none of the 2 documented shapes'],
    ],
    ['a wrong root', [], ['(root): expected object, got array']],
  ])('%s', (_name, value, problems) => {
    expect(checkValue(CONTACT, value)).toEqual(problems);
  });

  it('refuses null for a field the spec types as a string, optional or not', () => {
    expect(checkValue(CONTACT, { contact: { id: 'c1' } })).toEqual([]);
    expect(checkValue(CONTACT, { contact: { id: 'c1', phone: null } })).toEqual([
      'contact.phone: expected string, got null',
    ]);
    expect(checkValue(CONTACT, { contact: { id: null } })).toEqual([
      'contact.id: expected string, got null',
    ]);
  });

  it('in strict mode (request bodies) refuses unknown properties and undocumented nulls', () => {
    const body = { id: 'c1', email: null, phone: null, bogus: 1 };
    expect(checkValue(CONTACT.properties!.contact!, body, 'body', { strict: true })).toEqual([
      'body.phone: expected string, got null',
      'body.bogus: unknown property (not in the spec)',
    ]);
  });
});
