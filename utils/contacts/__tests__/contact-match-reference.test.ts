import { describe, expect, it } from 'vitest';
import { contactView } from '../../../sandbox/contact-views';
import { seedSandboxData } from '../../../sandbox/seed-data';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import type { CachedContact } from '../../db/cache-schema';
import { foldText, matchRank, rankEntries, rankEntry } from '../contact-match';

// The matching before the search index (issue 17) precomputed its keys and took shortcuts, kept
// here word for word as the reference the faster code must agree with.
function referenceFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{M}'’ʼ]+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function referenceRank(contact: GhlContact, query: string): number | undefined {
  const textRank = (field: string, wanted: string) => {
    if (field === wanted) return 0;
    if (field.startsWith(wanted)) return 1;
    if (field.includes(` ${wanted}`)) return 2;
    return field.includes(wanted) ? 3 : undefined;
  };
  const phoneDigits = (q: string) => {
    if (!/^[\d\s+().-]+$/.test(q)) return '';
    const digits = q.replace(/\D/g, '');
    return digits.length >= 3 ? digits : '';
  };
  const folded = referenceFold(query);
  const ranks: (number | undefined)[] = [];
  const full = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const fields = folded
    ? [contact.firstName, contact.lastName, full, contact.name, contact.companyName]
        .map((text) => referenceFold(text ?? ''))
        .filter(Boolean)
    : [];
  for (const field of fields) ranks.push(textRank(field, folded));
  const email = query.trim().toLowerCase();
  if (contact.email && email) ranks.push(textRank(contact.email.toLowerCase(), email));
  const digits = phoneDigits(query);
  const phone = contact.phone?.replace(/\D/g, '');
  if (digits && phone) {
    const national =
      digits.length >= 7 && digits.length >= phone.length - 3 && phone.endsWith(digits);
    ranks.push(national ? 0 : textRank(phone, digits));
  }
  const found = ranks.filter((rank): rank is number => rank !== undefined);
  if (found.length > 0) return Math.min(...found);
  const words = folded.split(' ');
  const all = fields.join(' ');
  return words.length > 1 && words.every((word) => all.includes(word)) ? 4 : undefined;
}

const seeded = [
  ...seedSandboxData({
    contacts: 1_000,
    now: Date.parse('2026-11-26T12:00:00Z'),
  }).contacts.values(),
].map((c) => contactView(c) as GhlContact);
const odd: GhlContact[] = [
  { id: 'zoe', firstName: 'Zoë 🎙️', lastName: "O'Brien-Łukasz", companyName: 'Café Müller' },
  { id: 'mj', firstName: 'Mary-Jane', lastName: 'Watson', email: 'MJ@Example.com' },
  { id: 'ph', phone: '+1 (555) 010-0001' },
];
const contacts = [...seeded, ...odd];
/** Prefixes of what people type, and odd ones: accents, apostrophes, punctuation, digits. */
const QUERIES = [
  ...['jane doe', 'sam lee', 'acme', 'omar@', '+1555', 'mary-jane w', "o'bri"].flatMap((q) =>
    [...q].map((_, i) => q.slice(0, i + 1)),
  ),
  'zoë',
  'ZOE',
  'cafe muller',
  'łukasz',
  '555 010 0001',
  '(555)',
  ' ',
  '-',
  'mj@example',
  'a b',
  'sam acme',
];

describe('contact matching agrees with the reference', () => {
  it('folds every seeded and odd text as the Unicode folding does', () => {
    const texts = contacts.flatMap((c) => [c.firstName, c.lastName, c.name, c.companyName]);
    for (const text of [...texts, ...QUERIES]) {
      if (text) expect(foldText(text), text).toBe(referenceFold(text));
    }
  });

  it('ranks every seeded and odd contact as the reference does, for every query', () => {
    let matched = 0;
    for (const query of QUERIES) {
      for (const contact of contacts) {
        const rank = matchRank(contact, query);
        expect(rank, `${contact.id} "${query}"`).toBe(referenceRank(contact, query));
        if (rank !== undefined) matched += 1;
      }
    }
    // The comparison is of real matches, not only of misses.
    expect(matched).toBeGreaterThan(1_000);
    // Tens of thousands of comparisons with the slow reference: slow on a loaded machine.
  }, 30_000);

  it('lists the best 10 as sorting every match by the reference would, for every query', () => {
    // Uses spread over a few values: most ties are broken by name, then id, as in a real cache.
    const entries = contacts.map((contact, i) =>
      rankEntry({
        id: contact.id,
        locationId: 'loc',
        contact,
        lastUsedAt: (i * 7) % 3,
      } as CachedContact),
    );
    const name = (e: (typeof entries)[number]) => e.name;
    for (const query of QUERIES) {
      const expected = entries
        .map((entry) => ({ entry, rank: referenceRank(entry.cached.contact, query) }))
        .filter((m): m is { entry: (typeof entries)[number]; rank: number } => m.rank !== undefined)
        .sort(
          (a, b) =>
            a.rank - b.rank ||
            b.entry.cached.lastUsedAt - a.entry.cached.lastUsedAt ||
            name(a.entry).localeCompare(name(b.entry)) ||
            (a.entry.cached.id < b.entry.cached.id ? -1 : 1),
        )
        .slice(0, 10)
        .map((m) => m.entry.cached.id);
      const found = rankEntries(entries, query, 10).map((cached) => cached.id);
      expect(found, `"${query}"`).toEqual(expected);
    }
  }, 30_000);
});
