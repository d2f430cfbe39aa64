/**
 * The panel ignores events a script made (entrypoints/trint.content/untrusted-events.ts), and
 * the drivers' `fill` sets a date or time input's value by script and dispatches `input` and
 * `change` itself. So the tests type dates and times with the keyboard, as a person does: the
 * field's parts come in the browser locale's order (month/day/year in en-US), and a 12-hour
 * locale takes the hour as 1-12 and then A or P.
 */

/** What the page says of its locale: the order of a date's parts and whether hours run to 12. */
export interface FieldLocale {
  order: ('day' | 'month' | 'year')[];
  twelveHours: boolean;
}

/** Reads {@link FieldLocale} in the page (pass as a function to the driver's evaluate). */
export const READ_FIELD_LOCALE = (): FieldLocale => ({
  order: new Intl.DateTimeFormat(navigator.language)
    .formatToParts(new Date(2001, 10, 22))
    .map((part) => part.type)
    .filter((type): type is 'day' | 'month' | 'year' => ['day', 'month', 'year'].includes(type)),
  twelveHours: ['h11', 'h12'].includes(
    new Intl.DateTimeFormat(navigator.language, { hour: 'numeric' }).resolvedOptions().hourCycle ??
      '',
  ),
});

/** The keys that type `date` ("2026-12-15") into a focused date input. */
export function dateKeys(date: string, locale: FieldLocale): string {
  const [year, month, day] = date.split('-') as [string, string, string];
  const parts = { year, month, day };
  return locale.order.map((part) => parts[part]).join('');
}

/** The keys that type `time` ("14:30") into a focused time input. */
export function timeKeys(time: string, locale: FieldLocale): string {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (!locale.twelveHours) return `${pad(hours)}${pad(minutes)}`;
  return `${pad(hours % 12 || 12)}${pad(minutes)}${hours < 12 ? 'A' : 'P'}`;
}
