import type { $Fetch } from 'ofetch';
import type { Clock } from '../clock';
import { errorFromResponse, parseRetryAfter } from './error-from-response';
import { GhlError } from './ghl-error';
import type { RequestPriority } from './rate-limiter';
import { readRateLimitHeaders, type RateLimitReport } from './rate-limit-headers';
import { isRequestNotSent } from './retry-policy';

/** One HTTP exchange with GHL, as the request pipeline needs it. */
export interface SendOnce {
  api: $Fetch;
  clock: Clock;
  timeoutMs: number;
  /** "GET /contacts/:contactId", for errors. */
  name: string;
  method: string;
  path: string;
  /** The `Version` header the operation accepts. */
  version: string;
  query?: Record<string, string>;
  body?: unknown;
  token: string;
  /** Whether sending twice is harmless; decides what a caller's abort mid-flight means. */
  idempotent: boolean;
  signal?: AbortSignal;
}

/**
 * What came back: the body text of a 2xx, or a typed error; the HTTP status when there was an
 * answer; and what GHL said of its budget.
 */
export type SendResult = (
  { ok: true; text: string } | { ok: false; error: GhlError; notSent: boolean }
) & { status?: number; report?: RateLimitReport; rateLimitedForMs?: number };

/**
 * One HTTP request that left for GHL (or tried to), as the audit log keeps it. Only what is safe
 * to keep: never a token, query value or body.
 */
export interface RequestAttempt {
  /** When it was sent (epoch ms). */
  at: number;
  /** The OpenAPI operationId, e.g. "get-contact" or "get-access-token". */
  operation: string;
  method: string;
  /** The ids in the path (contactId, taskId, id, businessId), nothing else. */
  params: Record<string, string>;
  /** 'user': a person is waiting for it; 'background': sync, the outbox or a token refresh. */
  priority: RequestPriority;
  /** The HTTP status when GHL (or the broker) answered. */
  status?: number;
  /** Why it failed, when it did: a GhlError kind, or 'aborted' when the caller gave up. */
  error?: string;
  durationMs: number;
}

const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Sends one request and waits for its answer, but never longer than `timeoutMs` on the injected
 * clock, and never past the caller's abort, whether or not `fetch` honours its signal (a fetch that
 * ignored it would otherwise hold a rate-limit slot forever).
 */
export async function sendOnce(request: SendOnce): Promise<SendResult> {
  const { clock, signal } = request;
  signal?.throwIfAborted();
  const controller = new AbortController();
  const stop = new AbortController();
  const timeout = clock.sleep(request.timeoutMs, stop.signal).then((): typeof TIMED_OUT => {
    controller.abort(new Error('timeout'));
    return TIMED_OUT;
  });
  const aborted = new Promise<never>((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), {
      once: true,
      signal: stop.signal,
    });
  });
  const exchange = request.api.raw<string>(request.path, {
    method: request.method,
    query: request.query,
    body: request.body as Record<string, unknown> | undefined,
    headers: { Authorization: `Bearer ${request.token}`, Version: request.version },
    signal: AbortSignal.any([controller.signal, ...(signal ? [signal] : [])]),
  });
  exchange.catch(() => {}); // settled below; a late rejection after a timeout is not news
  timeout.catch(() => {});
  try {
    const response = await Promise.race([exchange, timeout, aborted]);
    if (response === TIMED_OUT) {
      return { ok: false, error: new GhlError('timeout', request.name), notSent: false };
    }
    const report = readRateLimitHeaders(response.headers);
    const text = response._data ?? '';
    if (response.ok) return { ok: true, text, status: response.status, report };
    const rateLimitedForMs =
      response.status === 429
        ? (parseRetryAfter(response.headers.get('retry-after'), clock.now()) ?? 1_000)
        : undefined;
    const error = errorFromResponse(request.name, response.status, text, rateLimitedForMs);
    // GHL counts a 429 as refused: nothing was applied.
    return {
      ok: false,
      error,
      notSent: response.status === 429,
      status: response.status,
      report,
      rateLimitedForMs,
    };
  } catch (error) {
    if (signal?.aborted) {
      // Abandoned after it left: a create may have been applied all the same.
      if (request.idempotent) throw signal.reason;
      throw new GhlError('outcome-unknown', request.name, { cause: plainCause(signal.reason) });
    }
    return {
      ok: false,
      // The cause is rebuilt from plain facts: the fetch error holds the request's options,
      // Authorization header included, and an error must never carry a token.
      error: new GhlError('network', request.name, { cause: plainCause(error) }),
      notSent: isRequestNotSent(error),
    };
  } finally {
    stop.abort();
  }
}

/** An error's name, message and (Node) code, down its cause chain, with nothing else. */
export function plainCause(error: unknown): Error {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(`${name}: ${message}`), codes.length ? { code: codes[0] } : {});
}
