import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDay, formatDayTime, formatTimeRange } from '../panel-dates';

const AT = '2026-11-27T14:05:00.000Z';

describe('panel dates', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads as Date#toLocaleString with the same options does, an unreadable value as it came', () => {
    const day = { day: 'numeric', month: 'short', year: 'numeric' } as const;
    const time = { hour: '2-digit', minute: '2-digit' } as const;
    expect(formatDay(AT, 'en-GB')).toBe(new Date(AT).toLocaleDateString('en-GB', day));
    expect(formatDayTime(AT, 'de-DE')).toBe(
      new Date(AT).toLocaleString('de-DE', { ...day, ...time }),
    );
    expect(formatDayTime('soon', 'en-GB')).toBe('soon');
    const start = Date.parse(AT);
    expect(formatTimeRange(start, start + 30 * 60_000, 'en-GB')).toBe(
      new Intl.DateTimeFormat('en-GB', { ...day, ...time }).formatRange(start, start + 30 * 60_000),
    );
    expect(formatTimeRange(start, Number.NaN, 'en-GB')).toBe(formatDayTime(AT, 'en-GB'));
  });

  it('makes one formatter per locale, not one per date shown', () => {
    // A contact's card shows a date per task and note: each made its own before (issue 17).
    const Real = Intl.DateTimeFormat;
    const made = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (
      ...args: ConstructorParameters<typeof Real>
    ) {
      return new Real(...args);
    } as never);
    for (let i = 0; i < 5; i += 1) formatDayTime(AT, 'fr-CA');
    formatTimeRange(Date.parse(AT), Date.parse(AT) + 1, 'fr-CA');
    expect(made).toHaveBeenCalledTimes(1);
  });
});
