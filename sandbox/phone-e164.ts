/**
 * GHL stores a contact's phone number in E.164 (`+15551234567`), whatever format it was sent in
 * (GoHighLevel/highlevel-api-docs#289: a contact created from the UI reads back as
 * `"phone": "+18887772222"`; the spec's own examples are E.164). A number without a country code
 * is read in the location's country; the Sandbox's locations are in the US, so that is `+1`.
 */

/** The location's calling code: the Sandbox's locations are in the US. */
const LOCATION_COUNTRY_CODE = '1';

/** A phone number as GHL stores it, or null for none. Unreadable text is kept as sent. */
export function toE164(phone: string | null | undefined): string | null {
  const text = phone?.trim();
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 6) return text;
  if (text.startsWith('+')) return `+${digits}`;
  if (text.startsWith('00')) return `+${digits.slice(2)}`;
  // A national number (10 digits in the US), or one with its country code but no "+".
  if (digits.length === 11 && digits.startsWith(LOCATION_COUNTRY_CODE)) return `+${digits}`;
  return `+${LOCATION_COUNTRY_CODE}${digits}`;
}
