import { describe, expect, it, vi } from 'vitest';
import type { CachedContact } from '../../db/cache-schema';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import {
  isGenericSpeaker,
  MAX_GHL_SEARCHES,
  MAX_SUGGESTIONS,
  suggestContacts,
} from '../contact-suggestions';

function person(id: string, first: string, last: string, companyName?: string): GhlContact {
  return { id, firstName: first, lastName: last, companyName };
}
const cache = (...contacts: GhlContact[]): CachedContact[] =>
  contacts.map((contact, i) => ({ id: contact.id, locationId: 'loc', contact, lastUsedAt: i }));

const JANE = person('jane', 'Jane', 'Doe', 'Acme Corp');
const SAM = person('sam', 'Sam', 'Lee', 'Acme Corp');
const ANA = person('ana', 'Ana', 'Ruiz', 'Globex');
const JANEWAY = person('janeway', 'Kathryn', 'Janeway', 'Voyager');

describe('isGenericSpeaker', () => {
  it.each([
    ['Speaker 1', true],
    ['Host', true],
    ['Interviewer', true],
    ['Unknown', true],
    ['unknown speaker', true],
    ['Speaker A', true],
    ['Guest 2', true],
    ['  ', true],
    ['Jane Doe', false],
    ['Jane', false],
    ['Host Jane', false],
  ])('%s → %s', (label, generic) => expect(isGenericSpeaker(label)).toBe(generic));
});

describe('suggestContacts', () => {
  it('suggests cached contacts named like the speakers, then those the title mentions', async () => {
    const searchGhl = vi.fn(async () => [] as GhlContact[]);
    const found = await suggestContacts(
      { candidates: cache(JANE, SAM, ANA, JANEWAY), searchGhl },
      {
        title: 'Discovery call with ACME corp',
        speakers: ['Speaker 1', 'Jane Doe', 'jane doe', 'Host', 'Ana Ruiz'],
      },
    );
    expect(found.map((c) => [c.id, c.reason])).toEqual([
      ['jane', 'Speaker Jane Doe'],
      ['ana', 'Speaker Ana Ruiz'],
      ['sam', 'Title mentions Acme Corp'],
    ]);
    // Everyone was in the cache: GHL was not asked.
    expect(searchGhl).not.toHaveBeenCalled();
  });

  it('matches a speaker at the start of name words only, and a title by whole words', async () => {
    const found = await suggestContacts(
      { candidates: cache(JANE, JANEWAY, person('acmex', 'Al', 'Bo', 'Acmex')) },
      { title: 'Catch-up: Kathryn Janeway / acme', speakers: ['Jane'] },
    );
    expect(found.map((c) => [c.id, c.reason])).toEqual([
      ['jane', 'Speaker Jane'],
      ['janeway', 'Title mentions Kathryn Janeway'],
    ]);
  });

  it('asks GHL for a speaker the cache does not know, at most three times, and keeps only that name', async () => {
    const searchGhl = vi.fn(async (name: string) =>
      name === 'Omar Haddad'
        ? [person('omar', 'Omar', 'Haddad', 'Globex'), person('x', 'Zed', 'Haddadi', 'Globex')]
        : [],
    );
    const found = await suggestContacts(
      { candidates: cache(JANE), searchGhl },
      { speakers: ['Omar Haddad', 'Jane Doe', 'Nobody One', 'Nobody Two', 'Nobody Three'] },
    );
    expect(found.map((c) => [c.id, c.reason])).toEqual([
      ['omar', 'Speaker Omar Haddad'],
      ['jane', 'Speaker Jane Doe'],
    ]);
    expect(searchGhl.mock.calls.map(([name]) => name)).toEqual([
      'Omar Haddad',
      'Nobody One',
      'Nobody Two',
    ]);
    expect(searchGhl).toHaveBeenCalledTimes(MAX_GHL_SEARCHES);
  });

  it('answers what the cache found when GHL fails, and stops asking it', async () => {
    const searchGhl = vi.fn(async () => Promise.reject(new Error('offline')));
    const found = await suggestContacts(
      { candidates: cache(JANE, SAM), searchGhl },
      { title: 'Weekly sync with Acme Corp', speakers: ['Ana Ruiz', 'Omar Haddad', 'Jane Doe'] },
    );
    expect(found.map((c) => c.id)).toEqual(['jane', 'sam']);
    expect(searchGhl).toHaveBeenCalledTimes(1);
  });

  it('suggests at most eight, each contact once', async () => {
    const acme = Array.from({ length: 12 }, (_, i) => person(`a${i}`, `First${i}`, 'Acme', 'Acme'));
    const found = await suggestContacts(
      { candidates: cache(...acme) },
      { title: 'Acme planning', speakers: ['First1 Acme'] },
    );
    expect(found).toHaveLength(MAX_SUGGESTIONS);
    expect(new Set(found.map((c) => c.id)).size).toBe(MAX_SUGGESTIONS);
    expect(found[0]).toMatchObject({ id: 'a1', reason: 'Speaker First1 Acme' });
  });
});
