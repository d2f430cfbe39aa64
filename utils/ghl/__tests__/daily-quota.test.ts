import { describe, expect, it } from 'vitest';
import { QUOTA_FIGURE_TTL_MS, quotaPressure } from '../daily-quota';

describe('daily quota pressure', () => {
  const at = 1_000_000;
  const left = (remaining: number) => ({ limit: 200_000, remaining, at });

  it.each([
    [100_000, 'normal'],
    [40_000, 'normal'],
    [39_999, 'slow'],
    [10_000, 'slow'],
    [9_999, 'paused'],
    [0, 'paused'],
  ] as const)('%i of 200,000 left: %s', (remaining, pressure) => {
    expect(quotaPressure(left(remaining), at)).toBe(pressure);
  });

  it('knows nothing without a figure, or once the figure is older than GHL’s day may be', () => {
    expect(quotaPressure(undefined, at)).toBe('normal');
    expect(quotaPressure(left(0), at + QUOTA_FIGURE_TTL_MS - 1)).toBe('paused');
    expect(quotaPressure(left(0), at + QUOTA_FIGURE_TTL_MS)).toBe('normal');
  });
});
