import type { CachedContact } from '../db/cache-schema';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { ContactSummary } from '../messaging/protocol';
import { contactSummary, foldText } from './contact-match';

/** Suggestions a panel shows at most. */
export const MAX_SUGGESTIONS = 8;
/** GHL searches one suggestion call may make: each is spent from the location's shared budget. */
export const MAX_GHL_SEARCHES = 3;
/** Contacts suggested for one speaker at most: more means the name says too little. */
const PER_SPEAKER = 3;
/** Company names shorter than this ("AB") would be found inside too many titles. */
const MIN_COMPANY_LENGTH = 3;

/**
 * Words of a speaker label that name no one: Trint's "Speaker 1", "Host", "Interviewer"… A label
 * made only of these, numbers and single letters ("Speaker A") is skipped.
 */
const GENERIC_WORDS = new Set(
  'host co cohost guest speaker speakers interviewer interviewee moderator presenter narrator unknown unidentified participant caller customer client agent person voice me you'.split(
    ' ',
  ),
);

/** Where suggestions come from. */
export interface SuggestionSources {
  /** The location's cached contacts, deleted ones left out. */
  candidates: readonly CachedContact[];
  /** Asks GHL about a name (and caches what it finds); absent when GHL cannot be asked. */
  searchGhl?(name: string): Promise<GhlContact[]>;
}

/** Whether a speaker label names no one in particular ("Speaker 1", "Host", "Unknown"). */
export function isGenericSpeaker(label: string): boolean {
  const words = foldText(label).split(' ').filter(Boolean);
  return words.every((word) => GENERIC_WORDS.has(word) || /^\d+$/.test(word) || word.length < 2);
}

/**
 * Contacts a transcript is likely about, each with its reason: for each speaker named on the page,
 * the cached contacts of that name ("Speaker Jane Doe"), or, when the cache has none, GHL's (at
 * most {@link MAX_GHL_SEARCHES} searches); then contacts whose name or company the title mentions
 * ("Title mentions Acme Corp"). Speakers first, each contact once, at most
 * {@link MAX_SUGGESTIONS}. A GHL search that fails ends the GHL searches: what the cache found is
 * still answered.
 */
export async function suggestContacts(
  sources: SuggestionSources,
  input: { title?: string; speakers?: readonly string[] },
): Promise<ContactSummary[]> {
  const found = new Map<string, ContactSummary>();
  const add = (contact: GhlContact, reason: string) => {
    if (!found.has(contact.id)) found.set(contact.id, contactSummary(contact, reason));
  };
  let ghlLeft = sources.searchGhl ? MAX_GHL_SEARCHES : 0;
  for (const speaker of speakerNames(input.speakers ?? [])) {
    if (found.size >= MAX_SUGGESTIONS) break;
    const reason = `Speaker ${speaker}`;
    const cached = namedAs(sources.candidates, speaker);
    for (const contact of cached) add(contact, reason);
    if (cached.length > 0 || ghlLeft === 0) continue;
    ghlLeft -= 1;
    try {
      const fromGhl = await sources.searchGhl!(speaker);
      // GHL's search matches loosely (any field); only contacts of that name are suggested.
      for (const contact of namedAs(fromGhl.map(asCandidate), speaker)) add(contact, reason);
    } catch {
      // Offline, or GHL refusing: the next searches would fail the same way.
      ghlLeft = 0;
    }
  }
  for (const { contact, reason } of titleMentions(sources.candidates, input.title)) {
    add(contact, reason);
  }
  return [...found.values()].slice(0, MAX_SUGGESTIONS);
}

/** The distinct speaker labels that name someone, as the page shows them. */
function speakerNames(speakers: readonly string[]): string[] {
  const seen = new Set<string>();
  return speakers
    .map((label) => label.trim())
    .filter((label) => {
      const key = foldText(label);
      if (!key || seen.has(key) || isGenericSpeaker(label)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Contacts whose name has each word of `speaker` as a whole word, or a single letter as an initial
 * ("Jane" and "Jane D" → Jane Doe, not Kathryn Janeway), exact names first, then the most recently
 * used.
 */
function namedAs(candidates: readonly CachedContact[], speaker: string): GhlContact[] {
  const wanted = foldText(speaker);
  const words = wanted.split(' ');
  return candidates
    .map((cached) => ({ cached, name: personName(cached.contact) }))
    .filter(({ name }) => {
      const nameWords = name.split(' ');
      return words.every((word) =>
        nameWords.some((w) => w === word || (word.length === 1 && w.startsWith(word))),
      );
    })
    .sort(
      (a, b) =>
        Number(b.name === wanted) - Number(a.name === wanted) ||
        b.cached.lastUsedAt - a.cached.lastUsedAt,
    )
    .slice(0, PER_SPEAKER)
    .map(({ cached }) => cached.contact);
}

/** Contacts whose full name or company the title mentions as whole words; names first. */
function titleMentions(candidates: readonly CachedContact[], title: string | undefined) {
  const text = ` ${foldText(title ?? '')} `;
  if (!text.trim()) return [];
  const names: { contact: GhlContact; reason: string }[] = [];
  const companies: { contact: GhlContact; reason: string }[] = [];
  const recentFirst = [...candidates].sort((a, b) => b.lastUsedAt - a.lastUsedAt);
  for (const { contact } of recentFirst) {
    const name = personName(contact);
    // A first name alone ("Sam") is in too many titles to mean this contact.
    if (name.includes(' ') && text.includes(` ${name} `)) {
      names.push({ contact, reason: `Title mentions ${displayed(contact)}` });
    }
    const company = foldText(contact.companyName ?? '');
    if (company.length >= MIN_COMPANY_LENGTH && text.includes(` ${company} `)) {
      companies.push({ contact, reason: `Title mentions ${contact.companyName!.trim()}` });
    }
  }
  return [...names, ...companies];
}

/** A contact's folded person name (name, else first and last name), never its email. */
function personName(contact: GhlContact): string {
  const full = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return foldText(contact.name?.trim() || full);
}

/** The contact's name as its summary shows it. */
function displayed(contact: GhlContact): string {
  return contactSummary(contact).name;
}

/** A contact GHL just answered, matched like a cached one (used now). */
function asCandidate(contact: GhlContact): CachedContact {
  return { id: contact.id, locationId: contact.locationId ?? '', contact, lastUsedAt: 0 };
}
