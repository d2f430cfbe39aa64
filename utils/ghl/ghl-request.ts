import { ofetch } from 'ofetch';
import type { z } from 'zod';
import { systemClock, type Clock } from '../clock';
import { GHL_API_BASE, GHL_API_VERSION } from './api-constants';
import { endpointName, fillPath, type GhlEndpoint } from './endpoints';
import { errorFromResponse, parseRetryAfter } from './error-from-response';
import { GhlError } from './ghl-error';
import { readRateLimitHeaders, type RateLimitReport } from './rate-limit-headers';
import type { RateLimiter, RequestPriority } from './rate-limiter';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRequestNotSent, mayRetry } from './retry-policy';
import type { RetryPolicy } from './retry-policy';
import { singleFlightRefresh, type TokenProvider } from './token-provider';
import { parseResponseBody } from './parse-response';

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
}

/** One call: path parameters, query, body and who is waiting for it. */
export interface GhlCall {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
  /** 'user' (default) goes before 'background' in the rate limiter. */
  priority?: RequestPriority;
  signal?: AbortSignal;
}

type Attempt<T> =
  { ok: true; data: T } | { ok: false; error: GhlError; notSent: boolean; token: string };

/**
 * Builds the one function every GHL call goes through: validate the body, wait for the rate
 * limiter, send with GHL's headers, parse the answer with zod, and on failure refresh the token
 * once (401) or back off and retry (transient failures, as {@link mayRetry} allows).
 */
export function createGhlRequest(deps: GhlRequestDeps) {
  const clock = deps.clock ?? systemClock;
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  const timeoutMs = deps.timeoutMs ?? 20_000;
  const tokens = singleFlightRefresh(deps.tokens);
  const api = ofetch.create(
    {
      baseURL: deps.baseURL ?? GHL_API_BASE,
      headers: { Version: GHL_API_VERSION, Accept: 'application/json' },
      retry: false,
      ignoreResponseError: true,
      responseType: 'text',
    },
    deps.fetch ? { fetch: deps.fetch } : {},
  );

  async function attempt<Res extends z.ZodType>(
    endpoint: GhlEndpoint<Res>,
    call: GhlCall,
    body: unknown,
    refreshedToken: string | undefined,
  ): Promise<Attempt<z.infer<Res>>> {
    const name = endpointName(endpoint);
    const lease = await deps.limiter.acquire(call.priority ?? 'user', call.signal);
    // Read the token after the wait: a refresh may have replaced it while this call was queued.
    let token: string;
    try {
      token = refreshedToken ?? (await tokens.getAccessToken());
    } catch (error) {
      lease.done();
      throw error;
    }
    let report: RateLimitReport | undefined;
    let status: number | undefined;
    let retryAfterMs: number | undefined;
    let timedOut = false;
    const controller = new AbortController();
    const stopTimer = new AbortController();
    const onAbort = () => controller.abort(call.signal?.reason);
    call.signal?.addEventListener('abort', onAbort, { once: true });
    // The timeout runs on the injected clock, so tests can trigger it without waiting.
    clock.sleep(timeoutMs, stopTimer.signal).then(
      () => {
        timedOut = true;
        controller.abort(new Error('timeout'));
      },
      () => {},
    );
    try {
      const response = await api.raw<string>(fillPath(endpoint.path, call.params ?? {}), {
        method: endpoint.method,
        query: call.query as Record<string, string> | undefined,
        body: body as Record<string, unknown> | undefined,
        headers: { Authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      report = readRateLimitHeaders(response.headers);
      status = response.status;
      const text = response._data ?? '';
      if (status === 429) {
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
      }
      if (!response.ok) {
        const error = errorFromResponse(name, status, text, retryAfterMs);
        // GHL counts a 429 as refused: nothing was applied.
        return { ok: false, error, notSent: status === 429, token };
      }
      return { ok: true, data: parseResponseBody(name, endpoint.response, text) };
    } catch (error) {
      if (error instanceof GhlError) return { ok: false, error, notSent: false, token };
      if (call.signal?.aborted) throw call.signal.reason;
      const kind = timedOut ? 'timeout' : 'network';
      return {
        ok: false,
        error: new GhlError(kind, name, { cause: error }),
        notSent: kind === 'network' && isRequestNotSent(error),
        token,
      };
    } finally {
      stopTimer.abort();
      call.signal?.removeEventListener('abort', onAbort);
      // A 429 without Retry-After still pauses the whole location for a moment.
      lease.done(report, status === 429 ? (retryAfterMs ?? 1_000) : undefined);
    }
  }

  return async function request<Res extends z.ZodType>(
    endpoint: GhlEndpoint<Res>,
    call: GhlCall = {},
  ): Promise<z.infer<Res>> {
    const name = endpointName(endpoint);
    const body = endpoint.body ? validateInput(name, endpoint.body, call.body) : undefined;
    const query = endpoint.query
      ? definedOnly(validateInput(name, endpoint.query, call.query) as Record<string, unknown>)
      : undefined;
    let token = await tokens.getAccessToken();
    let refreshed = false;
    for (let retries = 0; ;) {
      const result = await attempt(endpoint, { ...call, query }, body, token);
      if (result.ok) return result.data;
      const { error, notSent } = result;
      if (error.kind === 'unauthorized' && tokens.refresh) {
        if (refreshed) throw new GhlError('reconnect-needed', name, { status: 401, cause: error });
        refreshed = true;
        token = await tokens.refresh(token);
        continue;
      }
      if (retries + 1 < policy.maxAttempts && mayRetry(error, endpoint.idempotent, notSent)) {
        const delay = Math.max(backoffDelay(retries, policy, deps.random), error.retryAfterMs ?? 0);
        retries += 1;
        await clock.sleep(delay, call.signal);
        continue;
      }
      throw finalError(error, endpoint.idempotent, notSent);
    }
  };
}

/** Drops undefined query values so they are not sent as "undefined". */
function definedOnly(query: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) result[key] = String(value);
  }
  return result;
}

/**
 * Checks a body or query against the operation's documented fields before anything is sent: a
 * field GHL does not document would be a 422 there, so it is a local validation error here.
 */
function validateInput(name: string, schema: z.ZodType, input: unknown): unknown {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const ghlMessages = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
  );
  throw new GhlError('validation', name, { ghlMessages });
}

/**
 * The error a caller sees once retries are over. A write that is not idempotent and failed in a
 * way that may have reached GHL is "outcome unknown": the outbox must check before sending again.
 */
function finalError(error: GhlError, idempotent: boolean, notSent: boolean): GhlError {
  const mayHaveApplied =
    !idempotent &&
    !notSent &&
    (error.kind === 'server' || error.kind === 'network' || error.kind === 'timeout');
  if (!mayHaveApplied) return error;
  return new GhlError('outcome-unknown', error.endpoint, { status: error.status, cause: error });
}
