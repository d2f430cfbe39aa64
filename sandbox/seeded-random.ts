/**
 * A small seeded random generator (mulberry32), so the Sandbox's data is the same on every run
 * and every machine: tests and screenshots can name a contact and find it.
 */
export function createSeededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** A number in [0, 1). */
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** One item of a non-empty list. */
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** True with probability `p`. */
    chance: (p: number) => next() < p,
  };
}

/** See {@link createSeededRandom}. */
export type SeededRandom = ReturnType<typeof createSeededRandom>;

// No '0': it pads ids to 20 characters, so it must not also be a digit.
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz123456789';

/** A 20-character id shaped like GHL's, unique per prefix and counter. */
export function sandboxId(prefix: string, counter: number): string {
  let suffix = '';
  let n = counter;
  do {
    suffix = ID_ALPHABET[n % ID_ALPHABET.length] + suffix;
    n = Math.floor(n / ID_ALPHABET.length);
  } while (n > 0);
  return (prefix + '0'.repeat(20)).slice(0, 20 - suffix.length) + suffix;
}
