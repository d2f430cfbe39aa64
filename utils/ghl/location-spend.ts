/**
 * How fast the whole location spends its daily GHL quota, and how much of that is this
 * extension's: X-RateLimit-Daily-Remaining falls with every teammate's request, while this
 * extension counts its own. The difference over a window is what the rest of the team spends,
 * which is how one extension learns the team's pace without talking to the others (issue 17:
 * the team's background sync within a share of the location's daily limit, team-budget.ts).
 */

/** The team's pace, projected over a day from the last window. */
export interface LocationSpend {
  /** Requests a day the whole location spends at the window's rate (every teammate, us included). */
  locationPerDay: number;
  /** Of which this extension's. */
  ownPerDay: number;
  /** How long the window the rates come from is. */
  windowMs: number;
}

/** One daily figure from GHL, and how many of our requests it could count. */
interface SpendSample {
  at: number;
  remaining: number;
  ownSent: number;
}

const DAY_MS = 24 * 60 * 60_000;
/** The rates come from about this much of the recent past. */
export const SPEND_WINDOW_MS = 60 * 60_000;
/** Shorter than this, a window says more about one run's burst than about the team's pace. */
export const MIN_SPEND_WINDOW_MS = 10 * 60_000;
/** A pace older than this (no answer from GHL since) is not acted on. */
export const SPEND_TTL_MS = 15 * 60_000;
/** Samples kept at least this far apart, so a busy hour keeps about 120 of them. */
const SAMPLE_SPACING_MS = 30_000;

/** Keeps the daily figures of the last hour and tells the team's pace from them. */
export function createSpendTracker() {
  let samples: SpendSample[] = [];
  return {
    /**
     * A daily figure GHL reported at `at`, when this extension had sent `ownSent` requests that
     * GHL could have counted (answered ones).
     */
    record(at: number, remaining: number, ownSent: number) {
      const last = samples.at(-1);
      // A figure that went up is GHL's daily reset: the day before says nothing of today's pace.
      if (last && remaining > last.remaining) samples = [];
      const beforeLast = samples.at(-2);
      if (beforeLast && at - beforeLast.at < SAMPLE_SPACING_MS) samples.pop();
      samples.push({ at, remaining, ownSent });
      // The oldest kept is the last one at or before the window's start.
      while (samples.length > 2 && samples[1]!.at <= at - SPEND_WINDOW_MS) samples.shift();
    },
    /** The pace over the window, or undefined while it is too short or too old to go by. */
    spend(now: number): LocationSpend | undefined {
      const first = samples[0];
      const last = samples.at(-1);
      if (!first || !last || now - last.at > SPEND_TTL_MS) return undefined;
      const windowMs = last.at - first.at;
      if (windowMs < MIN_SPEND_WINDOW_MS) return undefined;
      const location = Math.max(0, first.remaining - last.remaining);
      // Ours are part of the location's: a figure that lags ours cannot make them more.
      const own = Math.min(location, Math.max(0, last.ownSent - first.ownSent));
      return {
        locationPerDay: (location * DAY_MS) / windowMs,
        ownPerDay: (own * DAY_MS) / windowMs,
        windowMs,
      };
    },
  };
}
