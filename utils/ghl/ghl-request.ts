import { ofetch } from 'ofetch';
import type { z } from 'zod';
import { systemClock, type Clock } from '../clock';
import { GHL_API_BASE, GHL_API_VERSION } from './api-constants';
import { endpointName, fillPath, type GhlEndpoint } from './endpoints';
import type { CallOutcome } from './circuit-breaker';
import { GhlError, type GhlErrorKind } from './ghl-error';
import { parseResponseBody } from './parse-response';
import type { RateLimiter, RequestPriority } from './rate-limiter';
import { backoffDelay, DEFAULT_RETRY_POLICY, mayRetry, type RetryPolicy } from './retry-policy';
import { sendOnce, type RequestAttempt, type SendOnce, type SendResult } from './send-once';
import type { TokenProvider } from './token-provider';

/** What the client is built from; tests pass fakes for all of it. */
export interface GhlRequestDeps {
  tokens: TokenProvider;
  limiter: RateLimiter;
  /** `fetch` to use: the global one, or the Sandbox's handler in Sandbox mode and tests. */
  fetch?: typeof fetch;
  clock?: Clock;
  baseURL?: string;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  random?: () => number;
  /**
   * Sees every GhlError a call ends with, before the caller does: how the connection learns that
   * its token was revoked or lacks a scope, whoever made the call.
   */
  onError?: (error: GhlError, endpoint: GhlEndpoint<z.ZodType>) => void;
  /**
   * Runs before a call is queued and may refuse it with a GhlError (e.g. a write on a read-only
   * connection). Its refusal is not reported to `onError`: GHL said nothing.
   */
  guard?: (endpoint: GhlEndpoint<z.ZodType>) => Promise<void>;
  /**
   * Hears every HTTP attempt that left for GHL, each retry on its own, once it is over: what the
   * audit log keeps. Calls refused before sending (guard, rate limiter, invalid input) are not
   * attempts. Must not throw.
   */
  onAttempt?: (attempt: RequestAttempt) => void;
}

/** One call: path parameters, query, body and who is waiting for it. */
export interface GhlCall {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
  /** 'user' (default) goes before 'background' in the rate limiter. */
  priority?: RequestPriority;
  signal?: AbortSignal;
  /**
   * How this call is retried in place, instead of the client's policy: the outbox sends its
   * calls with OUTBOX_CALL, since it owns retrying writes (retry-policy.ts).
   */
  retry?: RetryPolicy;
}

/**
 * Builds the one function every GHL call goes through: check the input against the documented
 * fields, wait for the rate limiter, send with GHL's headers, parse the answer with zod, and on
 * failure refresh the token once (401) or back off and retry (transient failures, as
 * {@link mayRetry} allows).
 */
export function createGhlRequest(deps: GhlRequestDeps) {
  const clock = deps.clock ?? systemClock;
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  const timeoutMs = deps.timeoutMs ?? 20_000;
  const { tokens } = deps;
  const api = ofetch.create(
    {
      baseURL: deps.baseURL ?? GHL_API_BASE,
      headers: { Accept: 'application/json' },
      retry: false,
      ignoreResponseError: true,
      responseType: 'text',
    },
    deps.fetch ? { fetch: deps.fetch } : {},
  );

  async function request<Res extends z.ZodType>(
    endpoint: GhlEndpoint<Res>,
    call: GhlCall = {},
  ): Promise<z.infer<Res>> {
    const name = endpointName(endpoint);
    const filled = fillPath(endpoint.path, call.params ?? {});
    if ('invalid' in filled) throw invalidInput(name, [`${filled.invalid} is not a GHL id`]);
    const body = endpoint.body ? checkInput(name, endpoint.body, call.body) : undefined;
    const query = endpoint.query
      ? definedOnly(checkInput(name, endpoint.query, call.query) as Record<string, unknown>)
      : undefined;

    const retry = call.retry ?? policy;
    let refreshedToken: string | undefined;
    for (let retries = 0; ;) {
      const lease = await deps.limiter
        .acquire(call.priority ?? 'user', call.signal)
        .catch((error: unknown) => {
          throw error instanceof GhlError ? forEndpoint(error, name) : error;
        });
      let result;
      let token: string;
      try {
        // Read after the wait: a refresh may have replaced the token while this call was queued.
        token = refreshedToken ?? (await tokens.getAccessToken());
        result = await send(endpoint, call, {
          api,
          clock,
          timeoutMs,
          name,
          method: endpoint.method,
          path: filled.path,
          // Each operation accepts one Version (the Calendars ones 2021-04-15), endpoints.ts.
          version: endpoint.version ?? GHL_API_VERSION,
          query,
          body,
          token,
          idempotent: endpoint.idempotent,
          signal: call.signal,
        });
      } finally {
        lease.done(result?.report, result?.rateLimitedForMs, result && callOutcome(result));
      }
      let error: GhlError;
      let notSent = false;
      if (result.ok) {
        try {
          return parseResponseBody(name, endpoint.response, result.text);
        } catch (parseError) {
          error = parseError as GhlError;
        }
      } else {
        ({ error, notSent } = result);
      }
      if (error.kind === 'unauthorized' && tokens.refresh) {
        if (refreshedToken !== undefined) {
          throw new GhlError('reconnect-needed', name, { status: 401, cause: error });
        }
        refreshedToken = await tokens.refresh(token);
        continue;
      }
      const waitMs = Math.max(backoffDelay(retries, retry, deps.random), error.retryAfterMs ?? 0);
      const worthWaiting = (error.retryAfterMs ?? 0) <= (retry.maxRetryAfterMs ?? 60_000);
      if (
        retries + 1 < retry.maxAttempts &&
        worthWaiting &&
        mayRetry(error, endpoint.idempotent, notSent, retry.repeats)
      ) {
        retries += 1;
        await clock.sleep(waitMs, call.signal);
        continue;
      }
      throw finalError(error, endpoint.idempotent, notSent);
    }
  }

  /** {@link sendOnce}, told to `onAttempt` with only the path's ids. */
  async function send(
    endpoint: GhlEndpoint<z.ZodType>,
    call: GhlCall,
    exchange: SendOnce,
  ): Promise<SendResult> {
    const { onAttempt } = deps;
    if (!onAttempt) return sendOnce(exchange);
    // Aborted while waiting for the limiter or the token: nothing leaves, nothing to record.
    exchange.signal?.throwIfAborted();
    const at = clock.now();
    const tell = (outcome: Pick<RequestAttempt, 'status' | 'error'>) =>
      onAttempt({
        at,
        operation: endpoint.operationId,
        method: endpoint.method,
        params: pathIds(endpoint.path, call.params),
        priority: call.priority ?? 'user',
        ...outcome,
        durationMs: clock.now() - at,
      });
    try {
      const result = await sendOnce(exchange);
      tell({ status: result.status, error: result.ok ? undefined : result.error.kind });
      return result;
    } catch (error) {
      tell({ error: error instanceof GhlError ? error.kind : 'aborted' });
      throw error;
    }
  }

  if (!deps.onError && !deps.guard) return request;
  const { onError, guard } = deps;
  return async function observedRequest<Res extends z.ZodType>(
    endpoint: GhlEndpoint<Res>,
    call: GhlCall = {},
  ): Promise<z.infer<Res>> {
    await guard?.(endpoint);
    try {
      return await request(endpoint, call);
    } catch (error) {
      if (error instanceof GhlError) onError?.(error, endpoint);
      throw error;
    }
  };
}

/** The limiter's refusal, named after the operation it refused. */
function forEndpoint(error: GhlError, name: string): GhlError {
  return new GhlError(error.kind, name, {
    detail: error.message,
    retryAfterMs: error.retryAfterMs,
    status: error.status,
    ghlMessages: error.ghlMessages,
    quotaPaused: error.quotaPaused,
  });
}

/** The call's parameters that the path template names: ids, never query or body values. */
function pathIds(path: string, params: Record<string, string> = {}): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (path.includes(`{${key}}`)) ids[key] = value;
  }
  return ids;
}

/** Drops undefined query values so they are not sent as "undefined". */
function definedOnly(query: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) result[key] = String(value);
  }
  return result;
}

function invalidInput(name: string, problems: string[]): GhlError {
  return new GhlError('validation', name, {
    ghlMessages: problems,
    detail: `Not sent to GHL: ${problems.join('; ')}.`,
  });
}

/**
 * Checks a body or query against the operation's documented fields before anything is sent: a
 * field GHL does not document would be a 422 there, so it is a local validation error here.
 */
function checkInput(name: string, schema: z.ZodType, input: unknown): unknown {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw invalidInput(
    name,
    parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`),
  );
}

/**
 * The error a caller sees once retries are over. A write that is not idempotent and failed in a
 * way that may have reached GHL is "outcome unknown": the outbox must check before sending again.
 * That includes a 2xx whose body did not parse: GHL applied it, we just cannot read the answer.
 */
function finalError(error: GhlError, idempotent: boolean, notSent: boolean): GhlError {
  const mayHaveApplied =
    !idempotent &&
    !notSent &&
    ['server', 'network', 'timeout', 'bad-response'].includes(error.kind);
  if (!mayHaveApplied) return error;
  return new GhlError('outcome-unknown', error.endpoint, { status: error.status, cause: error });
}

/** GHL failed to answer (5xx, timeout, no connection): what opens the circuit breaker. */
const OUTAGE_KINDS: ReadonlySet<GhlErrorKind> = new Set(['server', 'timeout', 'network']);

/** What one exchange says of GHL's health: any answer but a 5xx means GHL is up. */
function callOutcome(result: SendResult): CallOutcome {
  return !result.ok && OUTAGE_KINDS.has(result.error.kind) ? 'failed' : 'answered';
}
