import { contactName } from '@/utils/mapping/source-values';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import type { PanelContact, Shown } from '../panel-records';

/**
 * The name the contact card shows: GHL's name (else first and last name, else email, the rule the
 * timeline uses), else the phone; when the contact record is not cached, the mapped field read
 * from the name, else the name of a record written before the mapping; never empty.
 */
export function cardContactName(
  contact: Shown<PanelContact> | undefined,
  view: Pick<TranscriptView, 'mapped' | 'fields'>,
): string {
  if (!contact) {
    const mapped = view.mapped?.find((field) => field.live === 'name')?.text;
    const old = view.fields?.['Speaker name'] || view.fields?.Name;
    return mapped?.trim() || old?.trim() || 'Unnamed contact';
  }
  const record = contact.record;
  // GHL derives `name` from the first and last name; while an edit of them is on its way, `name`
  // still holds the old one, so the edited parts win.
  const full = [record.firstName, record.lastName].filter(Boolean).join(' ').trim();
  if (contact.pending === 'saving' && full) return full;
  const { name, firstName, lastName, email } = record;
  return contactName({ name, firstName, lastName, email }) ?? record.phone ?? 'Unnamed contact';
}
