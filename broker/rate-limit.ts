/** How many requests one key (an IP address, an extension origin) may make per window. */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  now: () => number;
  /** Keys tracked at most (memory): beyond it, windows that ended are forgotten first. */
  maxKeys?: number;
}

/** A request let through, or refused with how long until its key may ask again. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A fixed-window counter per key. The broker is one process behind a reverse proxy, so memory
 * is enough; a broker run on several instances gets a limit per instance.
 */
export function createRateLimit(options: RateLimitOptions) {
  const { limit, windowMs, now } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, { start: number; count: number }>();

  function forgetEnded(at: number) {
    for (const [key, window] of windows) if (at - window.start >= windowMs) windows.delete(key);
  }

  return {
    /** Counts one request of `key`, or refuses it when the key's window is full. */
    take(key: string): RateDecision {
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.start >= windowMs) {
        if (windows.size >= maxKeys) forgetEnded(at);
        // Still full of live windows: the oldest key goes, rather than memory without bound.
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        window = { start: at, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= limit) {
        return { ok: false, retryAfterSeconds: Math.ceil((window.start + windowMs - at) / 1000) };
      }
      window.count += 1;
      return { ok: true };
    },
  };
}
