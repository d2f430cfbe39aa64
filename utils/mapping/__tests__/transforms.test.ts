import { describe, expect, it } from 'vitest';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import type { DateStyle, GhlSource, Transform } from '../field-mapping';
import { dateText, filterTags, namePart, transformedText } from '../transforms';

const CONTACT: GhlContact = {
  id: 'c1',
  name: 'Mary Ann Smith',
  companyName: 'Acme',
  address1: '1 High St',
  city: 'Leeds',
  postalCode: '',
  tags: ['VIP', 'lead-2026', 'lead-old', 'press'],
  dateOfBirth: '1990-05-17',
  dateUpdated: '2026-11-27T14:05:00.000Z',
  customFields: [
    { id: 'cf_tags', value: ['Alpha', 'beta'] },
    { id: 'cf_text_tags', value: 'alpha, Beta ,gamma' },
    { id: 'cf_date', value: '2026-01-31' },
  ],
};

const standard = (field: 'name' | 'companyName' | 'address1' | 'city' | 'postalCode' | 'tags') =>
  ({ kind: 'standard', field }) satisfies GhlSource;
const custom = (id: string): GhlSource => ({ kind: 'custom', id, label: id });

describe('join', () => {
  it('joins the source and each joined field, skipping empty ones', () => {
    const transform: Transform = {
      kind: 'join',
      with: [standard('city'), standard('postalCode'), custom('missing')],
      separator: ', ',
    };
    expect(transformedText(CONTACT, standard('address1'), transform)).toBe('1 High St, Leeds');
  });

  it('gives the joined fields alone when the source is empty, and "" when all are', () => {
    const transform: Transform = { kind: 'join', with: [standard('city')], separator: ' / ' };
    expect(transformedText(CONTACT, standard('postalCode'), transform)).toBe('Leeds');
    expect(transformedText({ id: 'c' }, standard('postalCode'), transform)).toBe('');
  });

  it('takes an empty separator', () => {
    const transform: Transform = { kind: 'join', with: [standard('city')], separator: '' };
    expect(transformedText(CONTACT, standard('companyName'), transform)).toBe('AcmeLeeds');
  });
});

describe('name part', () => {
  it.each([
    ['Mary Ann Smith', 'Mary', 'Ann Smith'],
    ['  Jane   Doe ', 'Jane', 'Doe'],
    ['Cher', 'Cher', ''],
    ['', '', ''],
  ])('splits "%s" into "%s" and "%s"', (name, first, last) => {
    expect(namePart(name, 'first')).toBe(first);
    expect(namePart(name, 'last')).toBe(last);
  });

  it('splits the name a contact reads as', () => {
    const first: Transform = { kind: 'name-part', part: 'first' };
    const last: Transform = { kind: 'name-part', part: 'last' };
    expect(transformedText(CONTACT, standard('name'), first)).toBe('Mary');
    expect(transformedText(CONTACT, standard('name'), last)).toBe('Ann Smith');
    const built: GhlContact = { id: 'c', firstName: 'Jo', lastName: 'Bloggs' };
    expect(transformedText(built, standard('name'), last)).toBe('Bloggs');
  });
});

describe('date', () => {
  const AT = '2026-11-27T14:05:00.000Z';

  it.each<[DateStyle, string]>([
    ['medium', '27 Nov 2026'],
    ['iso', '2026-11-27'],
    ['us', '11/27/2026'],
    ['european', '27/11/2026'],
    ['date-time', '27 Nov 2026, 14:05'],
  ])('writes an instant in style %s as "%s"', (style, text) => {
    expect(dateText(AT, style, 'UTC')).toBe(text);
  });

  it('writes an instant in the given time zone', () => {
    expect(dateText('2026-11-27T23:30:00Z', 'date-time', 'UTC')).toBe('27 Nov 2026, 23:30');
    expect(dateText('2026-11-27T23:30:00Z', 'date-time', 'Asia/Tokyo')).toBe('28 Nov 2026, 08:30');
    expect(dateText('2026-11-27T03:30:00Z', 'iso', 'America/Los_Angeles')).toBe('2026-11-26');
  });

  it('pads single-digit days and months where the style does', () => {
    expect(dateText('2026-03-05T12:00:00Z', 'medium', 'UTC')).toBe('5 Mar 2026');
    expect(dateText('2026-03-05T12:00:00Z', 'iso', 'UTC')).toBe('2026-03-05');
    expect(dateText('2026-03-05T12:00:00Z', 'us', 'UTC')).toBe('03/05/2026');
    expect(dateText('2026-03-05T12:00:00Z', 'european', 'UTC')).toBe('05/03/2026');
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'UTC'])(
    'keeps a calendar day on its day in %s',
    (zone) => {
      expect(dateText('1990-05-17', 'medium', zone)).toBe('17 May 1990');
      expect(dateText('1990-05-17', 'iso', zone)).toBe('1990-05-17');
      expect(dateText('1990-05-17T00:00:00.000Z', 'european', zone)).toBe('17/05/1990');
      expect(dateText(Date.UTC(1990, 4, 17), 'us', zone)).toBe('05/17/1990');
    },
  );

  it('writes a calendar day without a time in date-time style', () => {
    expect(dateText('1990-05-17', 'date-time', 'Asia/Tokyo')).toBe('17 May 1990');
  });

  it('reads a number as epoch milliseconds', () => {
    expect(dateText(Date.parse(AT), 'date-time', 'UTC')).toBe('27 Nov 2026, 14:05');
  });

  it.each(['soon', 'not a date', '2026-02-31', '2026-13-01', ''])(
    'keeps "%s", which is not a date, as GHL sent it',
    (text) => {
      expect(dateText(text, 'medium', 'UTC')).toBe(text);
    },
  );

  it('keeps a number that is no instant as it is', () => {
    expect(dateText(1e20, 'medium', 'UTC')).toBe('100000000000000000000');
    expect(dateText(Number.NaN, 'medium', 'UTC')).toBe('NaN');
  });

  it('falls back to the runtime’s time zone for one it does not know', () => {
    expect(dateText(AT, 'iso', 'Mars/Olympus_Mons')).toBe(dateText(AT, 'iso'));
    expect(dateText(AT, 'iso', 'Mars/Olympus_Mons')).toMatch(/^2026-11-2\d$/);
  });

  it('gives "" for no value and for a value of another kind', () => {
    expect(dateText(undefined, 'medium', 'UTC')).toBe('');
    expect(dateText(null, 'medium', 'UTC')).toBe('');
    expect(dateText(['2026-01-01'], 'medium', 'UTC')).toBe('');
  });

  it('formats standard and custom fields through a rule', () => {
    const transform: Transform = { kind: 'date', style: 'medium' };
    const updated: GhlSource = { kind: 'standard', field: 'dateUpdated' };
    expect(transformedText(CONTACT, updated, transform, { timeZone: 'UTC' })).toBe('27 Nov 2026');
    expect(transformedText(CONTACT, custom('cf_date'), transform)).toBe('31 Jan 2026');
    expect(transformedText(CONTACT, custom('missing'), transform)).toBe('');
  });
});

describe('tag filter', () => {
  const TAGS = ['VIP', 'lead-2026', 'lead-old', 'press'];

  it.each<[string[], string[], string[]]>([
    [['vip'], ['VIP'], ['lead-2026', 'lead-old', 'press']],
    [['lead*'], ['lead-2026', 'lead-old'], ['VIP', 'press']],
    [
      ['LEAD-2*', 'Press'],
      ['lead-2026', 'press'],
      ['VIP', 'lead-old'],
    ],
    [['*'], TAGS, []],
    [['lead'], [], TAGS],
    [['nothing'], [], TAGS],
  ])('%o includes %o and excludes down to %o', (listed, included, excluded) => {
    expect(filterTags(TAGS, 'include', listed)).toEqual(included);
    expect(filterTags(TAGS, 'exclude', listed)).toEqual(excluded);
  });

  it('does not read "*" inside a tag as a wildcard', () => {
    expect(filterTags(['a*b', 'axb'], 'include', ['a*b'])).toEqual(['a*b']);
  });

  it('filters the contact tags, a custom list and a comma list text', () => {
    const include: Transform = { kind: 'tag-filter', mode: 'include', tags: ['lead*', 'vip'] };
    const exclude: Transform = { kind: 'tag-filter', mode: 'exclude', tags: ['beta'] };
    expect(transformedText(CONTACT, standard('tags'), include)).toBe('VIP, lead-2026, lead-old');
    expect(transformedText(CONTACT, custom('cf_tags'), exclude)).toBe('Alpha');
    expect(transformedText(CONTACT, custom('cf_text_tags'), exclude)).toBe('alpha, gamma');
    expect(transformedText({ id: 'c' }, standard('tags'), include)).toBe('');
  });
});
