import type { Names } from '@/utils/messaging/trint-answers';
import type { MappedFieldView, TranscriptView } from '@/utils/messaging/transcript-view-schema';
import type { PanelContact, Shown } from '../panel-records';

type Live = NonNullable<MappedFieldView['live']>;

/**
 * The contact fields the card reads from the record while a write is on its way (the snapshot is
 * stale until the next sync). Not the name (the heading shows it) nor the tags (shown as chips).
 */
const LIVE_VALUES: Partial<Record<Live, (contact: PanelContact) => string | undefined>> = {
  email: (contact) => contact.email,
  phone: (contact) => contact.phone,
  companyName: (contact) => contact.companyName,
};

/**
 * Records written before the mapping (no `mapped`) carry the old default labels: which contact
 * field each read, so they still get the live values and chips. The name was never a card row.
 */
const LEGACY_LIVE: Record<string, Live> = {
  Name: 'name',
  'Speaker name': 'name',
  Email: 'email',
  Phone: 'phone',
  Company: 'companyName',
  Organisation: 'companyName',
  Tags: 'tags',
};

/** The view's mapped fields in mapping order; from the bare `fields` record for older records. */
export function mappedFields(view: Pick<TranscriptView, 'mapped' | 'fields'>): MappedFieldView[] {
  if (view.mapped) return view.mapped;
  return Object.entries(view.fields ?? {}).map(([label, text]) => {
    const live = LEGACY_LIVE[label] as Live | undefined;
    return { label, text, onCard: live !== 'name' && label !== 'Summary header', live };
  });
}

/**
 * The mapped fields the card lists (label, text): those shown on the card, in the mapping's order,
 * empty ones left out. When the contact record is there, its tags are listed as chips (live,
 * removable), so the tags row is left out rather than shown twice. While the contact has a pending
 * change, the record's current value replaces the snapshot's for a field read unchanged from the
 * email, phone or company, so an edit shows at once. With the location's `names` known, an
 * owner's user id reads as the user's name, and a custom field labelled by its id as its name.
 */
export function cardFields(
  view: Pick<TranscriptView, 'mapped' | 'fields'>,
  contact: Shown<PanelContact> | undefined,
  names?: Names,
): [label: string, text: string][] {
  const saving = contact?.pending === 'saving' ? contact.record : undefined;
  return mappedFields(view)
    .filter((field) => field.onCard && !(contact && field.live === 'tags'))
    .map(({ label, text, live, user, customFieldId }): [string, string] => {
      const read = live && LIVE_VALUES[live];
      const shown = saving && read ? (read(saving) ?? '') : text;
      const field = customFieldId && names?.customFields.find((f) => f.id === customFieldId);
      const person = user && names?.users.find((u) => u.id === shown);
      return [field ? field.name : label, person ? person.name : shown];
    })
    .filter(([, text]) => text !== '');
}
