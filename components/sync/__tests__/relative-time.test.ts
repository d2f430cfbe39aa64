import { describe, expect, it } from 'vitest';
import { plural, timeAgo, timeUntil } from '../relative-time';

const NOW = 1_700_000_000_000;
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('timeAgo', () => {
  it.each([
    [0, 'just now'],
    [-5 * S, 'just now'],
    [9 * S, 'just now'],
    [40 * S, '40 s ago'],
    [2 * MIN + 50 * S, '2 min ago'],
    [59 * MIN, '59 min ago'],
    [3 * H, '3 h ago'],
    [24 * H, '1 day ago'],
    [50 * H, '2 days ago'],
  ])('%i ms ago reads %j', (ms, text) => {
    expect(timeAgo(NOW - ms, NOW)).toBe(text);
  });
});

describe('timeUntil', () => {
  it.each([
    [-S, 'due now'],
    [0, 'due now'],
    [200, 'in 1 s'],
    [24_200, 'in 25 s'],
    [60 * S, 'in 1 min'],
    [4 * MIN + S, 'in 5 min'],
    [2 * H, 'in 2 h'],
    [36 * H, 'in 2 days'],
  ])('%i ms ahead reads %j', (ms, text) => {
    expect(timeUntil(NOW + ms, NOW)).toBe(text);
  });
});

describe('plural', () => {
  it.each([
    [0, '0 changes'],
    [1, '1 change'],
    [2, '2 changes'],
  ])('%i', (count, text) => {
    expect(plural(count, 'change')).toBe(text);
  });
});
