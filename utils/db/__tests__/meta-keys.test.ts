import { describe, expect, it } from 'vitest';
import { META_KEYS, PARTS_LEFT_OUT_PREFIX } from '../meta-keys';

describe('META_KEYS', () => {
  it('gives every value of the meta store its own key, none under a per-contact prefix', () => {
    const keys = Object.values(META_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => key.startsWith(PARTS_LEFT_OUT_PREFIX))).toEqual([]);
  });
});
