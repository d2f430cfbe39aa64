/**
 * How the Sandbox answers, in GHL's shapes (common/common-schemas.json): JSON bodies, and errors
 * as `{ statusCode, message, error, traceId }` with `message` a list for validation failures.
 * Real error bodies carry a `traceId` the spec does not list (GoHighLevel/highlevel-api-docs#289
 * shows one on a 400 and on a search answer).
 */

/** A trace id as GHL gives one per answer (a UUID). */
export const traceId = (): string => crypto.randomUUID();

/** An answer a route gives: status and JSON body. */
export interface SandboxReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A GHL error answer, thrown by routes and turned into a reply by the handler. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${JSON.stringify(body)}`);
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** A GHL error with one message, e.g. 401 "Invalid token: access token is invalid". */
export function ghlError(status: number, message: string): SandboxHttpError {
  return new SandboxHttpError(status, {
    statusCode: status,
    message,
    error: REASONS[status],
    traceId: traceId(),
  });
}

/** 422 with GHL's list of messages ("property x should not exist", "title must be a string"). */
export function unprocessable(messages: string[]): SandboxHttpError {
  return invalidRequest(422, messages);
}

/**
 * A validation failure with GHL's list of messages, as 422 (Contacts, Locations) or 400: the
 * Calendars operations document no 422, only 400 for a bad request (apps/calendars.json).
 */
export function invalidRequest(status: 400 | 422, messages: string[]): SandboxHttpError {
  return new SandboxHttpError(status, {
    statusCode: status,
    message: messages,
    error: REASONS[status],
    traceId: traceId(),
  });
}

/** 429 with Retry-After: the location's budget is spent, or a storm was injected. */
export function tooManyRequests(retryAfterSeconds: number): SandboxHttpError {
  return new SandboxHttpError(
    429,
    { statusCode: 429, message: 'Too many requests', error: REASONS[429], traceId: traceId() },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** A JSON answer, as every Sandbox route gives. */
export function jsonResponse(reply: SandboxReply): Response {
  return new Response(JSON.stringify(reply.body), {
    status: reply.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...reply.headers },
  });
}

/** Runs a route and turns its GHL error, if it throws one, into a reply. */
export function replyOf(run: () => SandboxReply): SandboxReply {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof SandboxHttpError)) throw error;
    return { status: error.status, body: error.body, headers: error.headers };
  }
}

/**
 * 401 for an expired or malformed JWT: real GHL answers `{ statusCode, message: "Invalid JWT" }`
 * without the `error` field its other 401s carry (as reported in issue 19).
 */
export function invalidJwt(): SandboxHttpError {
  return new SandboxHttpError(401, { statusCode: 401, message: 'Invalid JWT', traceId: traceId() });
}

/** 404 for an id the location does not have. */
export function notFound(what: string): SandboxHttpError {
  return ghlError(404, `${what} not found`);
}

/** The message GHL gives a token that lacks the operation's scope. */
export const MISSING_SCOPE_MESSAGE = 'The token is not authorized for this scope.';
/** The message GHL gives a token used on another location's data. */
export const WRONG_LOCATION_MESSAGE = 'The token does not have access to this location.';
