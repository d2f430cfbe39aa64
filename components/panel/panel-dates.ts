/**
 * Dates as the person reads them: in their locale and time zone (the browser's), never GHL's UTC
 * strings. An unreadable value is shown as it came rather than as "Invalid Date".
 */

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** "27 Nov 2026" (in the person's locale). */
export function formatDay(iso: string, locale?: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : new Date(at).toLocaleDateString(locale, DAY);
}

/** "27 Nov 2026, 14:05" (in the person's locale and time zone). */
export function formatDayTime(iso: string, locale?: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : new Date(at).toLocaleString(locale, { ...DAY, ...TIME });
}
