import type { CachedContact } from '../db/cache-schema';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { ContactSummary } from '../messaging/protocol';
import { contactName } from '../transcripts/transcript-snapshot';

/**
 * How a contact matches what a person typed, as pure functions over cached contacts: the search
 * box asks on every keystroke, so the cache is read once and matched in memory.
 */

/** How well a contact matches, best first. */
const RANK = { exact: 0, prefix: 1, wordPrefix: 2, contains: 3, allWords: 4 } as const;

/** Fewer digits than this match too many phone numbers to be worth it ("12"). */
const MIN_PHONE_DIGITS = 3;

/**
 * Text as a name search compares it: lower case, accents and apostrophes removed ("Zoë" → "zoe",
 * "O'Brien" → "obrien"), and every run of anything else but letters and digits one space
 * ("Mary-Jane" → "mary jane").
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{M}'’ʼ]+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The digits of a query that looks like a phone number (digits and + ( ) - . only), else ''. */
function phoneDigits(query: string): string {
  if (!/^[\d\s+().-]+$/.test(query)) return '';
  const digits = query.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits : '';
}

/** The folded texts a name query is compared with: first, last and full name, and company. */
function nameFields(contact: GhlContact): string[] {
  const full = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return [contact.firstName, contact.lastName, full, contact.name, contact.companyName]
    .map((text) => foldText(text ?? ''))
    .filter(Boolean);
}

/** How `field` holds `wanted`: equal, at its start, at a word's start, inside, or not at all. */
function textRank(field: string, wanted: string): number | undefined {
  if (field === wanted) return RANK.exact;
  if (field.startsWith(wanted)) return RANK.prefix;
  if (field.includes(` ${wanted}`)) return RANK.wordPrefix;
  return field.includes(wanted) ? RANK.contains : undefined;
}

/**
 * How well a contact matches a query (lower is better), or undefined when it does not: by name or
 * company (case and accents ignored), email, or phone digits; a query of several words also
 * matches when each word is somewhere in the name or company ("sam acme").
 */
export function matchRank(contact: GhlContact, query: string): number | undefined {
  const folded = foldText(query);
  const ranks: (number | undefined)[] = [];
  const fields = folded ? nameFields(contact) : [];
  for (const field of fields) ranks.push(textRank(field, folded));
  const email = query.trim().toLowerCase();
  if (contact.email && email) ranks.push(textRank(contact.email.toLowerCase(), email));
  const digits = phoneDigits(query);
  const phone = contact.phone?.replace(/\D/g, '');
  if (digits && phone) {
    // "555 123 4567" is the whole number of "+1 555 123 4567" without its country code (1-3
    // digits), not merely its end.
    const national =
      digits.length >= 7 && digits.length >= phone.length - 3 && phone.endsWith(digits);
    ranks.push(national ? RANK.exact : textRank(phone, digits));
  }
  const found = ranks.filter((rank): rank is number => rank !== undefined);
  if (found.length > 0) return Math.min(...found);
  const words = folded.split(' ');
  const all = fields.join(' ');
  return words.length > 1 && words.every((word) => all.includes(word)) ? RANK.allWords : undefined;
}

/**
 * The cached contacts matching a query, best first: exact and prefix matches before the rest,
 * then the most recently used, then by name. At most `limit`.
 */
export function rankContacts(
  candidates: readonly CachedContact[],
  query: string,
  limit: number,
): CachedContact[] {
  return candidates
    .flatMap((cached) => {
      const rank = matchRank(cached.contact, query);
      return rank === undefined ? [] : [{ cached, rank, name: summaryName(cached.contact) }];
    })
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.cached.lastUsedAt - a.cached.lastUsedAt ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit)
    .map((match) => match.cached);
}

/** A contact's name for a list: its name, else its email, else its phone. */
export function summaryName(contact: GhlContact): string {
  return contactName(contact) ?? contact.phone ?? 'Unnamed contact';
}

/** A contact as search results, suggestions and "Others at this business" show it. */
export function contactSummary(contact: GhlContact, reason?: string): ContactSummary {
  const summary: ContactSummary = { id: contact.id, name: summaryName(contact) };
  // Absent rather than undefined: the answer is compared and sent as JSON.
  if (contact.email) summary.email = contact.email;
  if (contact.phone) summary.phone = contact.phone;
  if (contact.companyName) summary.companyName = contact.companyName;
  if (reason !== undefined) summary.reason = reason;
  return summary;
}
