import { describe, expect, it } from 'vitest';
import type { CachedContact } from '../../db/cache-schema';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import {
  contactSummary,
  foldText,
  keysRank,
  matchKeys,
  matchRank,
  prepareQuery,
  rankContacts,
} from '../contact-match';

/** A cached contact of the test location, last used at `lastUsedAt`. */
function cached(contact: GhlContact, lastUsedAt = 0): CachedContact {
  return { id: contact.id, locationId: 'loc', contact, lastUsedAt };
}

const JANE: GhlContact = {
  id: 'jane',
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane.doe@acme.example',
  phone: '+1 555 010 0001',
  companyName: 'Acme Corp',
};
const ZOE: GhlContact = { id: 'zoe', firstName: 'Zoë 🎙️', lastName: "O'Brien-Łukasz" };
const PHONE_ONLY: GhlContact = { id: 'phone', phone: '+44 20 7946 0958' };

describe('foldText', () => {
  it.each([
    ['Zoë', 'zoe'],
    ["O'Brien-Łukasz", 'obrien łukasz'],
    ['Mary-Jane', 'mary jane'],
    ['  JANE   Doe ', 'jane doe'],
    ['José García', 'jose garcia'],
    ['🎙️', ''],
  ])('%s → %s', (text, folded) => expect(foldText(text)).toBe(folded));
});

describe('matchRank', () => {
  it.each<[string, GhlContact, string, number | undefined]>([
    ['an exact first name', JANE, 'jane', 0],
    ['a full name, any case', JANE, 'JANE DOE', 0],
    ['a name prefix', JANE, 'Ja', 1],
    ['a last name', JANE, 'doe', 0],
    ['a company word', JANE, 'corp', 2],
    ['inside a name', JANE, 'ane', 3],
    ['every word somewhere', JANE, 'jane acme', 4],
    ['an email prefix', JANE, 'jane.doe@ac', 1],
    ['inside an email', JANE, 'acme.example', 3],
    ['a whole email', JANE, 'Jane.Doe@acme.example', 0],
    ['phone digits, any punctuation', JANE, '010-0001', 3],
    ['a phone without its country code', JANE, '(555) 010 0001', 0],
    ['accents ignored', ZOE, 'zoe', 0],
    ['an apostrophe in a name ignored', ZOE, "o'brien", 1],
    ['a hyphenated last name by word', ZOE, 'Łukasz', 2],
    ['no match', JANE, 'globex', undefined],
    ['two digits are too few for a phone', JANE, '55', undefined],
    ['digits in a name query are not a phone', JANE, 'jane 555', undefined],
    ['a contact with only a phone', PHONE_ONLY, '7946', 3],
  ])('%s', (_name, contact, query, rank) => expect(matchRank(contact, query)).toBe(rank));
});

describe('keysRank with the worst rank that can still make the list', () => {
  it.each<[string, number, number | undefined]>([
    ['ane', 3, 3],
    ['ane', 2, undefined],
    ['corp', 2, 2],
    ['corp', 1, undefined],
    ['ja', 1, 1],
    ['ja', 0, undefined],
    ['jane', 0, 0],
    ['jane acme', 4, 4],
    ['jane acme', 3, undefined],
    ['010-0001', 2, undefined],
  ])('"%s" within rank %d: %s', (query, worst, rank) =>
    expect(keysRank(matchKeys(JANE), prepareQuery(query), worst)).toBe(rank),
  );
});

describe('rankContacts', () => {
  it('puts exact and prefix matches first, then the most recently used, and stops at the limit', () => {
    const contacts = [
      cached({ id: 'mary-jane', firstName: 'Mary Jane', lastName: 'Watson' }, 9),
      cached({ id: 'janet', firstName: 'Janet', lastName: 'Smith' }, 5),
      cached(JANE, 1),
      cached({ id: 'jane-2', firstName: 'Jane', lastName: 'Roe' }, 2),
      cached({ id: 'other', firstName: 'Sam', lastName: 'Lee' }, 99),
    ];
    const ids = (limit: number) => rankContacts(contacts, 'jane', limit).map((c) => c.id);
    expect(ids(10)).toEqual(['jane-2', 'jane', 'janet', 'mary-jane']);
    expect(ids(2)).toEqual(['jane-2', 'jane']);
  });
});

describe('contactSummary', () => {
  it('names a contact by name, else email, else phone, and leaves out empty fields', () => {
    expect(contactSummary(JANE, 'Speaker Jane Doe')).toEqual({
      id: 'jane',
      name: 'Jane Doe',
      email: 'jane.doe@acme.example',
      phone: '+1 555 010 0001',
      companyName: 'Acme Corp',
      reason: 'Speaker Jane Doe',
    });
    expect(contactSummary({ id: 'e', email: 'x@y.example', phone: null })).toEqual({
      id: 'e',
      name: 'x@y.example',
      email: 'x@y.example',
    });
    expect(contactSummary(PHONE_ONLY).name).toBe('+44 20 7946 0958');
    expect(contactSummary({ id: 'none' }).name).toBe('Unnamed contact');
  });
});
