import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { DateStyle, GhlSource, Transform } from './field-mapping';
import { sourceList, sourceText, sourceValue } from './source-values';

/** What a transform needs besides the contact. */
export interface TransformContext {
  /** For dates; the runtime's time zone when absent. */
  timeZone?: string;
}

/** The text a rule's source becomes through its transform (none: the source's text as is). */
export function transformedText(
  contact: GhlContact,
  source: GhlSource,
  transform: Transform | undefined,
  context: TransformContext = {},
): string {
  switch (transform?.kind) {
    case undefined:
      return sourceText(contact, source);
    case 'join':
      return [source, ...transform.with]
        .map((part) => sourceText(contact, part))
        .filter(Boolean)
        .join(transform.separator);
    case 'name-part':
      return namePart(sourceText(contact, source), transform.part);
    case 'date':
      return dateText(sourceValue(contact, source), transform.style, context.timeZone);
    case 'tag-filter':
      return filterTags(sourceList(contact, source), transform.mode, transform.tags).join(', ');
  }
}

/**
 * A part of a name: the first word, or everything after it ("Mary Ann Smith" → "Mary" and
 * "Ann Smith"): GHL keeps one name field, and a second given name cannot be told from a family
 * name, so the first word is the only split that is always right for the first name.
 */
export function namePart(name: string, part: 'first' | 'last'): string {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  return part === 'first' ? first : rest.join(' ');
}

/**
 * The tags kept by a filter: `include` keeps the listed ones, `exclude` all others. Case does not
 * matter; a listed tag ending in `*` matches every tag that starts with the rest.
 */
export function filterTags(
  tags: string[],
  mode: 'include' | 'exclude',
  listed: string[],
): string[] {
  const matchers = listed.map(tagMatcher);
  const matches = (tag: string) => matchers.some((match) => match(tag.toLowerCase()));
  return tags.filter((tag) => matches(tag) === (mode === 'include'));
}

function tagMatcher(pattern: string): (tag: string) => boolean {
  const wanted = pattern.trim().toLowerCase();
  if (wanted.endsWith('*')) {
    const prefix = wanted.slice(0, -1);
    return (tag) => tag.startsWith(prefix);
  }
  return (tag) => tag === wanted;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.0+)?)?Z)?$/;
const DAY_MS = 86_400_000;

/**
 * A date GHL sent, in one of DATE_STYLES, in `timeZone`. A calendar day ("1990-05-17", a
 * birthday) is not an instant: it is written as that day, never shifted a day by the time zone,
 * and `date-time` writes it without a time. GHL stores picked dates as midnight UTC, so such a
 * value ("1990-05-17T00:00:00.000Z", or a number of milliseconds, as date custom fields send it)
 * is a calendar day too. Anything that is not a date is kept as GHL sent it.
 */
export function dateText(value: unknown, style: DateStyle, timeZone?: string): string {
  if (typeof value === 'number') {
    // Beyond ±8.64e15 ms there is no Date: the number is not a date.
    if (Number.isNaN(new Date(value).getTime())) return String(value);
    return value % DAY_MS === 0
      ? formatDate(value, style, 'UTC', false)
      : formatDate(value, style, timeZone, true);
  }
  if (typeof value !== 'string') return '';
  const text = value.trim();
  const day = DATE_ONLY.exec(text);
  if (day) {
    const at = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    return isCalendarDay(at, day) ? formatDate(at, style, 'UTC', false) : text;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? text : formatDate(at, style, timeZone, true);
}

/** Date.UTC rolls "2026-02-31" over to March: such a day is no date. */
function isCalendarDay(at: number, day: RegExpExecArray): boolean {
  const date = new Date(at);
  return date.getUTCMonth() + 1 === Number(day[2]) && date.getUTCDate() === Number(day[3]);
}

function formatDate(
  at: number,
  style: DateStyle,
  timeZone: string | undefined,
  withTime: boolean,
): string {
  const parts = Object.fromEntries(
    dateFormat(style, timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  ) as Record<Intl.DateTimeFormatPartTypes, string | undefined>;
  const { year = '', month = '', hour = '', minute = '' } = parts;
  const day = parts.day ?? '';
  const shortDay = String(Number(day));
  switch (style) {
    case 'medium':
      return `${shortDay} ${month} ${year}`;
    case 'iso':
      return `${year}-${month}-${day}`;
    case 'us':
      return `${month}/${day}/${year}`;
    case 'european':
      return `${day}/${month}/${year}`;
    case 'date-time':
      return withTime
        ? `${shortDay} ${month} ${year}, ${hour}:${minute}`
        : `${shortDay} ${month} ${year}`;
  }
}

/** en-GB parts (day, short or numeric month, 24-hour time); an unknown zone falls back to the runtime's. */
function dateFormat(style: DateStyle, timeZone: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    day: '2-digit',
    month: style === 'medium' || style === 'date-time' ? 'short' : '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
  } catch {
    // A zone this browser does not know (RangeError): a date in the wrong zone beats a failed sync.
    return new Intl.DateTimeFormat('en-GB', options);
  }
}
