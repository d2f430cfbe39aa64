/**
 * Every way a GHL call can fail, as one error class with a `kind` the UI can explain to a person.
 * Errors cross from the background to the panel as plain {@link GhlErrorInfo} values.
 */

/** What went wrong, in categories a person can act on. */
export type GhlErrorKind =
  /** 401: the token is missing, wrong or expired (GHL's message kept). */
  | 'unauthorized'
  /** 401 "The token is not authorized for this scope.": a read-only token tried to write. */
  | 'missing-scope'
  /** 403: the token belongs to another location. */
  | 'forbidden'
  /** 404, or 400 "… not found": the contact, task or note no longer exists. */
  | 'not-found'
  /** 400 / 422 with GHL's list of messages: the request was refused as invalid. */
  | 'validation'
  /** 429, or the daily budget is spent. */
  | 'rate-limited'
  /** 5xx. */
  | 'server'
  /** No answer: offline, DNS, refused or dropped connection. */
  | 'network'
  /** No answer within the per-request timeout. */
  | 'timeout'
  /** GHL answered 2xx with a body that is not JSON or not the documented shape. */
  | 'bad-response'
  /** A create (POST) failed in a way that may have been applied; the outbox must reconcile. */
  | 'outcome-unknown'
  /** The credentials are dead (refresh refused, token family revoked): connect again. */
  | 'reconnect-needed'
  /**
   * The token was replaced (rotation, reconnect) while this call's client was in use: nothing was
   * sent; get the current client and try again.
   */
  | 'connection-changed';

/** A GHL failure as a plain value: what messages between contexts carry. */
export interface GhlErrorInfo {
  kind: GhlErrorKind;
  /** Short, human, safe to show: never contains a token. */
  message: string;
  /** The operation, e.g. "GET /contacts/:contactId". */
  endpoint: string;
  status?: number;
  /** GHL's own messages (validation lists, 401 text). */
  ghlMessages: string[];
  /** When to try again, for rate limits. */
  retryAfterMs?: number;
}

const HUMAN_MESSAGES: Record<GhlErrorKind, string> = {
  unauthorized: 'GHL did not accept the credentials.',
  'missing-scope': 'This connection is read-only: GHL refused the change for lack of permission.',
  forbidden: 'This connection has no access to that GHL location.',
  'not-found': 'It no longer exists in GHL.',
  validation: 'GHL refused the change as invalid.',
  'rate-limited': 'GHL is limiting requests right now; it will be retried shortly.',
  server: 'GHL had a problem answering; it will be retried.',
  network: 'GHL could not be reached. Check the connection.',
  timeout: 'GHL took too long to answer.',
  'bad-response': 'GHL answered with something unexpected.',
  'outcome-unknown': 'The change may or may not have reached GHL; it will be checked.',
  'reconnect-needed': 'The GHL connection has stopped working. Connect again.',
  'connection-changed': 'The GHL connection changed while this was running. Try again.',
};

/** Options of {@link GhlError}. */
export interface GhlErrorOptions {
  status?: number;
  ghlMessages?: string[];
  retryAfterMs?: number;
  /** Replaces the generic human message, e.g. to name the field of a bad response. */
  detail?: string;
  /**
   * The record GHL says the request collides with: a contact create refused as a duplicate
   * names the existing contact (`meta.contactId` in GHL's 400 body).
   */
  existingId?: string;
  /**
   * The rate limiter held a background request back to spare the location's last daily quota
   * (daily-quota.ts): nothing failed, the sync waits for GHL's reset.
   */
  quotaPaused?: boolean;
  cause?: unknown;
}

/** A failed GHL call. `kind` says what happened; `message` says it to a person. */
export class GhlError extends Error {
  override readonly name = 'GhlError';
  readonly kind: GhlErrorKind;
  readonly endpoint: string;
  readonly status?: number;
  readonly ghlMessages: string[];
  readonly retryAfterMs?: number;
  readonly existingId?: string;
  /** See {@link GhlErrorOptions.quotaPaused}. */
  readonly quotaPaused: boolean;

  constructor(kind: GhlErrorKind, endpoint: string, options: GhlErrorOptions = {}) {
    super(options.detail ?? humanMessage(kind, options.ghlMessages), { cause: options.cause });
    this.kind = kind;
    this.endpoint = endpoint;
    this.status = options.status;
    this.ghlMessages = options.ghlMessages ?? [];
    this.retryAfterMs = options.retryAfterMs;
    this.existingId = options.existingId;
    this.quotaPaused = options.quotaPaused ?? false;
  }

  /** The plain value to send to another context. */
  toInfo(): GhlErrorInfo {
    return {
      kind: this.kind,
      message: this.message,
      endpoint: this.endpoint,
      status: this.status,
      ghlMessages: this.ghlMessages,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

/** The sentence for a kind; validation errors append GHL's own reasons, which name the fields. */
function humanMessage(kind: GhlErrorKind, ghlMessages: string[] = []): string {
  const base = HUMAN_MESSAGES[kind];
  if ((kind === 'validation' || kind === 'unauthorized') && ghlMessages.length > 0) {
    return `${base} ${ghlMessages.join('; ')}`;
  }
  return base;
}
