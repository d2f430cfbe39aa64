import type { PanelContact, Shown } from '../panel-records';

/**
 * The snapshot labels the card can read live from the contact record while a write is on its
 * way. Labels are the default mapping's (utils/sync/transcript-snapshot.ts); tags are left out
 * because the card lists the live tags as chips instead.
 */
const LIVE_FIELDS = new Map<string, (contact: PanelContact) => string | undefined>([
  ['Email', (contact) => contact.email],
  ['Phone', (contact) => contact.phone],
  ['Company', (contact) => contact.companyName],
]);

/** The snapshot label of the contact's tags, which the card shows as chips from the record. */
const TAGS_LABEL = 'Tags';
/** The snapshot label of the name, which the card's heading already shows. */
const NAME_LABEL = 'Name';

/**
 * The mapped fields to list (label → text), in the snapshot's order, empty ones left out. When
 * the contact record is there, its tags are listed as chips (live, removable), so the Tags row
 * is left out rather than shown twice. While the contact has a pending change the snapshot is
 * stale, so the record's current values replace it for the fields above (a value the snapshot
 * lacked, e.g. a newly added email, is appended): an edit shows at once.
 */
export function cardFields(
  fields: Record<string, string> | undefined,
  contact: Shown<PanelContact> | undefined,
): [label: string, text: string][] {
  const mapped = Object.entries(fields ?? {}).filter(([label]) => label !== NAME_LABEL);
  if (!contact) return mapped.filter(([, text]) => text !== '');
  const snapshot = mapped.filter(([label]) => label !== TAGS_LABEL);
  if (contact.pending !== 'saving') return snapshot.filter(([, text]) => text !== '');
  const live = (label: string, text: string) => {
    const read = LIVE_FIELDS.get(label);
    return read ? (read(contact.record) ?? '') : text;
  };
  const shown: [string, string][] = snapshot.map(([label, text]) => [label, live(label, text)]);
  for (const label of LIVE_FIELDS.keys()) {
    if (!snapshot.some(([known]) => known === label)) shown.push([label, live(label, '')]);
  }
  return shown.filter(([, text]) => text !== '');
}
