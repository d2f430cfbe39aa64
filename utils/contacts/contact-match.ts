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
  // Most names are plain ASCII: the same folding without Unicode normalization, several times
  // faster, which is most of reading 10,000 contacts into the search index (contact-index.ts).
  if (PLAIN_ASCII.test(text)) {
    return text
      .replace(/'+/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .normalize('NFD')
    .replace(/[\p{M}'’ʼ]+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Printable ASCII: no accents, marks or letters beyond a-z. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

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

/**
 * What a query is compared with, worked out once per contact: folding text is most of the cost
 * of a match, so the search index (contact-index.ts) keeps these for every cached contact.
 */
export interface MatchKeys {
  /** Folded first, last and full name, and company (see nameFields). */
  fields: string[];
  /** The same, as one text: where each word of a several-word query is looked for. */
  all: string;
  /** The email in lower case, if any. */
  email?: string;
  /** The phone's digits, if any. */
  phone?: string;
}

/** A contact's {@link MatchKeys}. */
export function matchKeys(contact: GhlContact): MatchKeys {
  const fields = nameFields(contact);
  const keys: MatchKeys = { fields, all: fields.join(' ') };
  if (contact.email) keys.email = contact.email.toLowerCase();
  const phone = contact.phone?.replace(/\D/g, '');
  if (phone) keys.phone = phone;
  return keys;
}

/** A query as the keys are compared with it, worked out once per keystroke. */
export interface PreparedQuery {
  folded: string;
  /** ` ${folded}`: where a word starts with it. */
  wordStart: string;
  email: string;
  /** ` ${email}` and ` ${digits}`: made once, not per contact. */
  emailWordStart: string;
  digits: string;
  digitsWordStart: string;
  words: string[];
}

/** See {@link PreparedQuery}. */
export function prepareQuery(query: string): PreparedQuery {
  const folded = foldText(query);
  const email = query.trim().toLowerCase();
  const digits = phoneDigits(query);
  return {
    folded,
    wordStart: ` ${folded}`,
    email,
    emailWordStart: ` ${email}`,
    digits,
    digitsWordStart: ` ${digits}`,
    words: folded.split(' '),
  };
}

/**
 * How `field` holds `wanted`: equal, at its start, at a word's start, inside, or not at all. A
 * hold worse than `worst` is not looked for (undefined): ranking skips what cannot make its list.
 */
function textRank(
  field: string,
  wanted: string,
  wordStart = ` ${wanted}`,
  worst: number = RANK.contains,
): number | undefined {
  if (field === wanted) return RANK.exact;
  if (worst < RANK.prefix) return undefined;
  if (field.startsWith(wanted)) return RANK.prefix;
  if (worst < RANK.wordPrefix) return undefined;
  if (field.includes(wordStart)) return RANK.wordPrefix;
  if (worst < RANK.contains) return undefined;
  return field.includes(wanted) ? RANK.contains : undefined;
}

/**
 * {@link matchRank} over a contact's keys and a prepared query; with `worst`, undefined also when
 * the rank would be worse than `worst` (rankEntries asks only for what can still make its list).
 */
export function keysRank(
  keys: MatchKeys,
  query: PreparedQuery,
  worst: number = RANK.allWords,
): number | undefined {
  const { folded, email, digits, words } = query;
  let best: number | undefined;
  // Each check after a match looks only for a better one.
  let bound = worst;
  // A field holds the text only if all of them together (joined by spaces) do: one check rules
  // most contacts out.
  if (folded && keys.all.includes(folded)) {
    for (const field of keys.fields) {
      const rank = textRank(field, folded, query.wordStart, bound);
      if (rank !== undefined && (best === undefined || rank < best)) {
        best = rank;
        if (rank === RANK.exact) return rank;
        bound = rank - 1;
      }
    }
  }
  if (keys.email && email) {
    const rank = textRank(keys.email, email, query.emailWordStart, bound);
    if (rank !== undefined && (best === undefined || rank < best)) {
      best = rank;
      if (rank === RANK.exact) return rank;
      bound = rank - 1;
    }
  }
  const { phone } = keys;
  if (digits && phone) {
    // "555 123 4567" is the whole number of "+1 555 123 4567" without its country code (1-3
    // digits), not merely its end.
    const national =
      digits.length >= 7 && digits.length >= phone.length - 3 && phone.endsWith(digits);
    const rank = national ? RANK.exact : textRank(phone, digits, query.digitsWordStart, bound);
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  if (best !== undefined || words.length < 2 || worst < RANK.allWords) return best;
  const all = folded ? keys.all : '';
  return words.every((word) => all.includes(word)) ? RANK.allWords : undefined;
}

/**
 * How well a contact matches a query (lower is better), or undefined when it does not: by name or
 * company (case and accents ignored), email, or phone digits; a query of several words also
 * matches when each word is somewhere in the name or company ("sam acme").
 */
export function matchRank(contact: GhlContact, query: string): number | undefined {
  return keysRank(matchKeys(contact), prepareQuery(query));
}

/** A cached contact with what ranking it needs, worked out once. */
export interface RankEntry {
  cached: CachedContact;
  keys: MatchKeys;
  /** Its name in lists (summaryName): the last tie-breaker but the id. */
  name: string;
}

/** A cached contact's {@link RankEntry}. */
export function rankEntry(cached: CachedContact): RankEntry {
  return { cached, keys: matchKeys(cached.contact), name: summaryName(cached.contact) };
}

/**
 * The cached contacts matching a query, best first: exact and prefix matches before the rest,
 * then the most recently used, then by name (then by id, the order the cache lists them in).
 * At most `limit`.
 */
export function rankContacts(
  candidates: readonly CachedContact[],
  query: string,
  limit: number,
): CachedContact[] {
  return rankEntries(candidates.map(rankEntry), query, limit);
}

/**
 * {@link rankContacts} over entries whose keys are already worked out, those `include` refuses
 * left out. Once `limit` matches are held, a contact is only checked for a rank as good as the
 * worst held (a first letter matches thousands, and most cannot make the list), and a match
 * object is made only for one that enters it.
 */
export function rankEntries(
  entries: Iterable<RankEntry>,
  query: string,
  limit: number,
  include?: (entry: RankEntry) => boolean,
): CachedContact[] {
  const prepared = prepareQuery(query);
  // The best `limit` so far, best first: a short list kept in order beats sorting every match
  // (a first letter matches thousands of contacts).
  const best: { entry: RankEntry; rank: number }[] = [];
  if (limit <= 0) return [];
  let worst: number = RANK.allWords;
  for (const entry of entries) {
    if (include && !include(entry)) continue;
    const rank = keysRank(entry.keys, prepared, worst);
    if (rank === undefined) continue;
    if (best.length === limit && byRank(entry, rank, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && byRank(entry, rank, best[at - 1]!) < 0) at -= 1;
    best.splice(at, 0, { entry, rank });
    if (best.length > limit) best.pop();
    if (best.length === limit) worst = best[limit - 1]!.rank;
  }
  return best.map((match) => match.entry.cached);
}

let collator: Intl.Collator | undefined;

/** Rank, then most recently used, then name (as String#localeCompare orders), then id. */
function byRank(entry: RankEntry, rank: number, b: { entry: RankEntry; rank: number }): number {
  // The default collator is what localeCompare uses, made once instead of per comparison.
  collator ??= new Intl.Collator();
  const x = entry.cached;
  const y = b.entry.cached;
  return (
    rank - b.rank ||
    y.lastUsedAt - x.lastUsedAt ||
    collator.compare(entry.name, b.entry.name) ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
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
