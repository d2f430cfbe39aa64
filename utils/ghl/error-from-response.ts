import { GhlError, type GhlErrorKind } from './ghl-error';
import { errorBodySchema, type GhlErrorBody } from './schemas/error-body-schemas';

/** GHL's 401 text when a token lacks the scope an operation needs. */
const MISSING_SCOPE = /not authorized for this scope/i;
/** GHL answers some unknown ids with 400 "Contact not found" instead of 404. */
const NOT_FOUND_TEXT = /not found/i;

/**
 * Turns a non-2xx answer into a {@link GhlError}: the status picks the kind, GHL's body supplies
 * the messages. An error body that is not JSON is fine: the status alone still decides.
 */
export function errorFromResponse(
  endpoint: string,
  status: number,
  bodyText: string,
  retryAfterMs?: number,
): GhlError {
  const body = bodyOf(bodyText);
  const ghlMessages = messagesOf(body);
  return new GhlError(kindOf(status, ghlMessages), endpoint, {
    status,
    ghlMessages,
    retryAfterMs,
    existingId: body?.meta?.contactId,
  });
}

function kindOf(status: number, messages: string[]): GhlErrorKind {
  if (status === 401) {
    return messages.some((m) => MISSING_SCOPE.test(m)) ? 'missing-scope' : 'unauthorized';
  }
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  if (status === 400 && messages.some((m) => NOT_FOUND_TEXT.test(m))) return 'not-found';
  return 'validation';
}

function bodyOf(bodyText: string): GhlErrorBody | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const parsed = errorBodySchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function messagesOf(body: GhlErrorBody | undefined): string[] {
  if (body?.message === undefined) return [];
  return Array.isArray(body.message) ? body.message : [body.message];
}

/** `Retry-After` in milliseconds: seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
