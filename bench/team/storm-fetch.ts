// The 5xx storm of the team benchmark: for its duration every GHL request fails with a server
// error. Most never reach GHL (503); one in four is applied by GHL and then its answer is lost to
// a 502, the case where a blind retry of a create would make a duplicate.
import type { Clock } from '../../utils/clock';
import { createSeededRandom } from '../../sandbox/seeded-random';

/** The share of storm requests GHL applies before the 502. */
export const APPLIED_THEN_502 = 0.25;

/** Wraps a Sandbox's fetch with a storm that `start(durationMs)` begins. */
export function stormFetch(inner: typeof fetch, clock: Clock, latencyMs: number) {
  const random = createSeededRandom(5);
  let until = -Infinity;
  const counts = { refused503: 0, applied502: 0 };
  const serverError = (status: number) =>
    new Response(JSON.stringify({ statusCode: status, message: 'Internal Server Error' }), {
      status,
      headers: { 'content-type': 'application/json' },
    });

  const fetch: typeof globalThis.fetch = async (input, init) => {
    if (clock.now() >= until) return inner(input, init);
    if (random.next() < APPLIED_THEN_502) {
      const answer = await inner(input, init);
      await answer.text();
      counts.applied502 += 1;
      return serverError(502);
    }
    await clock.sleep(latencyMs);
    counts.refused503 += 1;
    return serverError(503);
  };
  return {
    fetch,
    counts,
    start(durationMs: number) {
      until = clock.now() + durationMs;
    },
  };
}
