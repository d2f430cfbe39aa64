import { describe, expect, it } from 'vitest';
import { noteExcerpt } from '../note-excerpt';

describe('noteExcerpt', () => {
  it.each([
    ['a short note', 'a short note'],
    ['  lines\n\nand\ttabs  ', 'lines and tabs'],
    ['', ''],
    ['just at the limit.', 'just at the limit.'],
  ])('keeps %j whole as one line', (body, excerpt) => {
    expect(noteExcerpt(body, 18)).toBe(excerpt);
  });

  it.each([
    // Cut at the last word that fits, with the ellipsis inside the limit.
    ['the quick brown fox jumps', 16, 'the quick brown…'],
    ['one two three four five six', 12, 'one two…'],
    // One word longer than the limit is cut where it must be.
    ['abcdefghijklmnopqrstuvwxyz', 10, 'abcdefghi…'],
  ])('cuts %j to %i characters', (body, max, excerpt) => {
    const cut = noteExcerpt(body, max);
    expect(cut).toBe(excerpt);
    expect(cut.length).toBeLessThanOrEqual(max);
  });

  it('leaves markup as the text it is (the page renders it as text)', () => {
    expect(noteExcerpt('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});
