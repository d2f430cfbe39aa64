import { z } from 'zod';
import { faultsInput } from '../faults';
import { ghlError } from '../ghl-responses';
import { OTHER_LOCATION, SANDBOX_LOCATION, SANDBOX_TOKENS } from '../sandbox-fixtures';
import { validateGhlBody } from '../validate-body';
import { ok, type ControlRoute } from './control-route';

/** The Sandbox's own knobs: state, reset, counters, faults, rate limits, settings and tokens. */
/** A number of requests of a location (its id: the Sandbox location by default). */
const requests = z.strictObject({
  locationId: z.string().optional(),
  count: z.number().int().min(1),
});

export const controlAdminRoutes: ControlRoute[] = [
  {
    method: 'GET',
    pattern: /^$/,
    handle: (state) =>
      ok({
        locations: [SANDBOX_LOCATION, OTHER_LOCATION],
        tokens: SANDBOX_TOKENS,
        contacts: state.data.contacts.size,
        rateLimits: state.buckets.limits(),
        faults: state.faults.describe(),
      }),
  },
  {
    method: 'POST',
    pattern: /^reset$/,
    handle(state, _m, body) {
      const input = validateGhlBody(
        z.strictObject({
          contacts: z.number().int().min(1).max(100_000).optional(),
          seed: z.number().int().optional(),
        }),
        body ?? {},
      );
      state.reset(input);
      return ok({ contacts: state.data.contacts.size });
    },
  },
  { method: 'GET', pattern: /^counters$/, handle: (state) => ok(state.counters) },
  {
    method: 'POST',
    pattern: /^counters\/reset$/,
    handle(state) {
      state.resetCounters();
      return ok();
    },
  },
  {
    method: 'POST',
    pattern: /^faults$/,
    handle(state, _m, body) {
      state.faults.arm(validateGhlBody(faultsInput, body));
      return ok(state.faults.describe());
    },
  },
  {
    method: 'DELETE',
    pattern: /^faults$/,
    handle(state) {
      state.faults.clear();
      return ok();
    },
  },
  {
    method: 'POST',
    pattern: /^rate-limits$/,
    handle(state, _m, body) {
      const input = validateGhlBody(
        z.strictObject({
          max: z.number().int().min(1).optional(),
          intervalMs: z.number().int().min(1).optional(),
          dailyLimit: z.number().int().min(1).optional(),
          consume: requests.optional(),
          // What is left of today's quota, teammates having spent the rest (issue 17).
          leaveToday: requests.extend({ count: z.number().int().min(0) }).optional(),
        }),
        body,
      );
      const { consume, leaveToday, ...limits } = input;
      state.buckets.configure(limits);
      if (consume) state.buckets.consume(consume.locationId ?? SANDBOX_LOCATION.id, consume.count);
      if (leaveToday) {
        state.buckets.leaveToday(leaveToday.locationId ?? SANDBOX_LOCATION.id, leaveToday.count);
      }
      return ok(state.buckets.limits());
    },
  },
  {
    method: 'POST',
    pattern: /^settings$/,
    handle(state, _m, body) {
      const input = validateGhlBody(
        z.strictObject({
          tokenTtlSeconds: z.number().int().min(1).optional(),
          // How long a new contact stays out of search answers (0: at once).
          searchLagMs: z.number().int().min(0).max(600_000).optional(),
        }),
        body,
      );
      if (input.tokenTtlSeconds !== undefined) {
        state.settings.tokenTtlSeconds = input.tokenTtlSeconds;
      }
      if (input.searchLagMs !== undefined) state.searchLag.setLag(input.searchLagMs);
      return ok({ ...state.settings, searchLagMs: state.searchLag.lagMs() });
    },
  },
  {
    method: 'POST',
    pattern: /^tokens$/,
    handle(state, _m, body) {
      const input = validateGhlBody(
        z.strictObject({
          locationId: z.string().optional(),
          scopes: z.array(z.string()).optional(),
          ttlSeconds: z.number().int().min(1).optional(),
          label: z.string().optional(),
        }),
        body ?? {},
      );
      return ok({ token: state.auth.mint(input) }, 201);
    },
  },
  {
    method: 'POST',
    pattern: /^tokens\/revoke$/,
    handle(state, _m, body) {
      const { token } = validateGhlBody(z.strictObject({ token: z.string() }), body);
      if (!state.auth.revoke(token)) throw ghlError(404, 'Token not found');
      return ok();
    },
  },
];
