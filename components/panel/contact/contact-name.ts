import { contactName } from '@/utils/sync/transcript-snapshot';
import type { PanelContact, Shown } from '../panel-records';

/**
 * The name the contact card shows: GHL's name (else first and last name, else email, the rule the
 * timeline uses), else the phone; the snapshot's Name when the contact record is not cached;
 * never empty.
 */
export function cardContactName(
  contact: Shown<PanelContact> | undefined,
  fields: Record<string, string> | undefined,
): string {
  if (!contact) return fields?.Name?.trim() || 'Unnamed contact';
  const record = contact.record;
  // GHL derives `name` from the first and last name; while an edit of them is on its way, `name`
  // still holds the old one, so the edited parts win.
  const full = [record.firstName, record.lastName].filter(Boolean).join(' ').trim();
  if (contact.pending === 'saving' && full) return full;
  const { name, firstName, lastName, email } = record;
  return contactName({ name, firstName, lastName, email }) ?? record.phone ?? 'Unnamed contact';
}
