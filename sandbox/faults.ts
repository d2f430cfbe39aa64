import { z } from 'zod';
import type { Clock } from '../utils/clock';

/** Faults the control API can inject (POST /__sandbox/faults), all optional. */
export const faultsInput = z.strictObject({
  /** Added to every GHL answer. */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** The next `count` GHL requests answer `status` (default 500) without being applied. */
  failNext: z
    .strictObject({
      count: z.number().int().min(1),
      status: z.number().int().min(500).max(599).optional(),
    })
    .optional(),
  /** The next `count` requests lose their connection; with `afterApply`, after taking effect. */
  dropNext: z
    .strictObject({ count: z.number().int().min(1), afterApply: z.boolean().optional() })
    .optional(),
  /** The next `count` answers are cut-off JSON (the request itself takes effect). */
  malformedNext: z.number().int().min(1).optional(),
  /** The next `count` contact creates are applied, then answered 422 (highlevel-api-docs#64). */
  createThen422Next: z.number().int().min(1).optional(),
  /** Every request answers 429 for `durationMs`, with Retry-After. */
  rateLimitStorm: z
    .strictObject({
      durationMs: z.number().int().min(1),
      retryAfterSeconds: z.number().int().min(0).optional(),
    })
    .optional(),
});
export type FaultsInput = z.infer<typeof faultsInput>;

/** What to do to one request, decided before it is handled. */
export type FaultAction =
  | { kind: 'fail'; status: number }
  | { kind: 'storm'; retryAfterSeconds: number }
  | { kind: 'drop'; afterApply: boolean }
  | { kind: 'none' };

/** The armed faults and the rules for spending them, one request at a time. */
export function createFaults(clock: Clock) {
  let latencyMs = 0;
  let failNext = { count: 0, status: 500 };
  let dropNext = { count: 0, afterApply: false };
  let malformedNext = 0;
  let createThen422Next = 0;
  let storm = { until: 0, retryAfterSeconds: 1 };

  return {
    /** Arms faults; fields left out keep their current setting. */
    arm(input: FaultsInput) {
      if (input.latencyMs !== undefined) latencyMs = input.latencyMs;
      if (input.failNext)
        failNext = { count: input.failNext.count, status: input.failNext.status ?? 500 };
      if (input.dropNext)
        dropNext = { count: input.dropNext.count, afterApply: input.dropNext.afterApply ?? false };
      if (input.malformedNext !== undefined) malformedNext = input.malformedNext;
      if (input.createThen422Next !== undefined) createThen422Next = input.createThen422Next;
      if (input.rateLimitStorm) {
        storm = {
          until: clock.now() + input.rateLimitStorm.durationMs,
          retryAfterSeconds: input.rateLimitStorm.retryAfterSeconds ?? 1,
        };
      }
    },
    clear() {
      latencyMs = 0;
      failNext = { count: 0, status: 500 };
      dropNext = { count: 0, afterApply: false };
      malformedNext = 0;
      createThen422Next = 0;
      storm = { until: 0, retryAfterSeconds: 1 };
    },
    latencyMs: () => latencyMs,
    /** The fault for the next request, spending one use of it. */
    next(): FaultAction {
      if (clock.now() < storm.until)
        return { kind: 'storm', retryAfterSeconds: storm.retryAfterSeconds };
      if (dropNext.count > 0) {
        dropNext.count -= 1;
        return { kind: 'drop', afterApply: dropNext.afterApply };
      }
      if (failNext.count > 0) {
        failNext.count -= 1;
        return { kind: 'fail', status: failNext.status };
      }
      return { kind: 'none' };
    },
    /** Whether this answer should be cut off, spending one use. */
    takeMalformed(): boolean {
      if (malformedNext <= 0) return false;
      malformedNext -= 1;
      return true;
    },
    /** Whether this applied contact create should answer 422 all the same, spending one use. */
    takeCreateThen422(): boolean {
      if (createThen422Next <= 0) return false;
      createThen422Next -= 1;
      return true;
    },
    describe: () => ({
      latencyMs,
      failNext,
      dropNext,
      malformedNext,
      createThen422Next,
      stormUntil: storm.until,
    }),
  };
}

/** Thrown by the handler when a request must lose its connection; hosts drop the socket. */
export class SandboxConnectionDropped extends Error {
  constructor() {
    super('Sandbox dropped the connection (injected fault)');
  }
}
