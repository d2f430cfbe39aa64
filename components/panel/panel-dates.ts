/**
 * Dates as the person reads them: in their locale and time zone (the browser's), never GHL's UTC
 * strings. An unreadable value is shown as it came rather than as "Invalid Date".
 */

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DAY_TIME: Intl.DateTimeFormatOptions = { ...DAY, ...TIME };

/**
 * Formatters made once per locale and kind: Date#toLocaleString with options makes one per call,
 * which was milliseconds of the card's first render for a contact with a few tasks and notes
 * (issue 17). The same options give the same text.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(kind: 'day' | 'dayTime', locale: string | undefined): Intl.DateTimeFormat {
  const key = `${kind} ${locale ?? ''}`;
  let made = formats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, kind === 'day' ? DAY : DAY_TIME);
    formats.set(key, made);
  }
  return made;
}

/** "27 Nov 2026" (in the person's locale). */
export function formatDay(iso: string, locale?: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : format('day', locale).format(at);
}

/** "27 Nov 2026, 14:05" (in the person's locale and time zone). */
export function formatDayTime(iso: string, locale?: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : format('dayTime', locale).format(at);
}

/** "27 Nov 2026, 14:00 – 14:30", or across days in full; the start alone without an end. */
export function formatTimeRange(start: number, end: number, locale?: string): string {
  const made = format('dayTime', locale);
  if (Number.isNaN(end) || end < start) return made.format(start);
  return made.formatRange(start, end);
}
