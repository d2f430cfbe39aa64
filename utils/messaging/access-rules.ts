/**
 * What a message from a Trint tab may touch. A content script runs beside a page it does not
 * control: a page script that got hold of it could send anything, so each message type a Trint
 * tab may send declares, in the message table (protocol.ts), the rules it is held to, and the
 * background's router enforces them (entrypoints/background/tab-access.ts) before and after the
 * handler runs. Extension pages (popup, options) are held to none of them.
 *
 * Each rule names one check, and the rules of a type run in the order it lists them.
 */
export const ACCESS_RULES = {
  /** Nothing one tab may be kept from: the same answer for every tab, or names for a list. */
  none: 'touches nothing that belongs to one transcript or contact',
  /** The payload's `transcriptId` is the transcript the tab's URL shows (absent: refused). */
  'own transcript': 'works only on the transcript the tab shows',
  /**
   * The payload's `contactId` is a contact the background showed this tab (a search result, a
   * suggestion) or the one its transcript links to already: linking opens a contact to the tab's
   * writes, so a page script must not link a contact id it made up or learnt elsewhere.
   */
  'shown contact': 'links only a contact the tab was shown',
  /**
   * The contact the payload names (its `contactId`, or its write's `operation.contactId`) is the
   * one the tab's transcript links to. A write that names no contact (one that creates it) passes.
   */
  'own contact': 'reaches only the contact its transcript links to',
  /** The payload's `id` names a write the tab may see (see 'own jobs'). */
  'own job': 'acts only on a write of its transcript or its contact',
  /** The answer lists only the writes of the tab's transcript and of the contact it links to. */
  'own jobs': 'sees only the writes of its transcript and its contact',
  /**
   * Not a limit: the answer's contacts are noted as shown to the tab, which is what lets it link
   * one of them ('shown contact').
   */
  'shows contacts': 'notes the contacts it answers as shown to the tab',
} as const;

/** One kind of access rule (see {@link ACCESS_RULES}). */
export type AccessRule = keyof typeof ACCESS_RULES;
