import type { MappedFieldView, TranscriptView } from '@/utils/messaging/transcript-view-schema';

type Live = NonNullable<MappedFieldView['live']>;

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

/**
 * A transcript view's mapped fields in mapping order; from the bare `fields` record for older
 * records. What the contact card lists from and what an export carries (every one).
 */
export function mappedFields(view: Pick<TranscriptView, 'mapped' | 'fields'>): MappedFieldView[] {
  if (view.mapped) return view.mapped;
  return Object.entries(view.fields ?? {}).map(([label, text]) => {
    const live = LEGACY_LIVE[label] as Live | undefined;
    return { label, text, onCard: live !== 'name' && label !== 'Summary header', live };
  });
}
