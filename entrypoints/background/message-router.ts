import { QuotaError } from '@/utils/db/quota';
import { GhlError } from '@/utils/ghl/ghl-error';
import { ConnectError } from '@/utils/auth/connect-error';
import {
  messageSchema,
  PROTOCOL,
  type Answer,
  type MessageErrorInfo,
  type MessageType,
  type Payload,
  type Reply,
  type SenderRole,
} from '@/utils/messaging/protocol';
import { parseTranscriptId, trintOriginOf, type TrintOrigin } from '@/utils/trint/transcript-url';
import { senderRole, type SenderFacts, type TrustedOrigins } from './sender-role';

/**
 * What the background knows of a Trint tab that sent a message: the transcript its URL shows, so
 * a content script can act only on the transcript on its own page, and the tab's id, so the
 * background can tell what it showed that tab; and the Trint origin it is on, which a transcript's
 * record remembers so that its links lead back to the right host.
 */
export interface TabFacts {
  transcriptId?: string;
  tabId?: number;
  trintOrigin?: TrintOrigin;
}

/** One handler per message type. `tab` is set for messages from a Trint tab. */
export type MessageHandlers = {
  [T in MessageType]: (payload: Payload<T>, role: SenderRole, tab?: TabFacts) => Promise<Answer<T>>;
};

declare const accessChecked: unique symbol;

/**
 * Marks handlers held to the access rules of the message table (made by `withTabAccess` in
 * tab-access.ts): the router takes no others, so no handler table reaches a Trint tab unchecked.
 */
export interface AccessChecked {
  readonly [accessChecked]: true;
}

/** A handler for every message type, held to the access rules: what the router runs. */
export type CheckedHandlers = MessageHandlers & AccessChecked;

/** A message the sender may not send in this form; the reply says so as `refused`. */
export class MessageRefused extends Error {
  override readonly name = 'MessageRefused';
}

/**
 * The background's runtime.onMessage listener: checks who sent the message and that the payload
 * matches the protocol, runs the handler, and replies with the answer or an error as a value.
 * Nothing but an error's safe message crosses: no stack, no cause (which could hold a request).
 */
export function createMessageRouter(handlers: CheckedHandlers, trusted: TrustedOrigins) {
  return async function route(message: unknown, sender: SenderFacts): Promise<Reply> {
    const role = senderRole(sender, trusted);
    if (!role) return refuse('refused', 'This sender may not talk to GHL for Trint.');
    const envelope = messageSchema.safeParse(message);
    if (!envelope.success || !Object.hasOwn(PROTOCOL, envelope.data.type)) {
      return refuse('invalid', 'Unknown message.');
    }
    const type = envelope.data.type as MessageType;
    const spec = PROTOCOL[type];
    if (!(spec.from as readonly SenderRole[]).includes(role)) {
      return refuse('refused', `${type} may not be sent from here.`);
    }
    const payload = spec.payload.safeParse(envelope.data.payload ?? {});
    if (!payload.success) return refuse('invalid', `The ${type} message was malformed.`);
    try {
      const handler = handlers[type] as (
        p: unknown,
        r: SenderRole,
        t?: TabFacts,
      ) => Promise<unknown>;
      const tab = role === 'trint-tab' ? tabFacts(sender) : undefined;
      return { ok: true, value: await handler(payload.data, role, tab) };
    } catch (error) {
      return { ok: false, error: errorInfo(error) };
    }
  };
}

/**
 * The tab's own URL (kept current through Trint's in-page navigation), else the frame's; and the
 * tab's id (a tab's content script always has one).
 */
function tabFacts(sender: SenderFacts): TabFacts {
  const tab = sender.tab as { url?: unknown; id?: unknown } | undefined;
  const url = typeof tab?.url === 'string' ? tab.url : sender.url;
  const tabId = typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : undefined;
  return {
    transcriptId: url ? parseTranscriptId(url) : undefined,
    tabId,
    trintOrigin: url ? trintOriginOf(url) : undefined,
  };
}

function refuse(kind: string, message: string): Reply {
  return { ok: false, error: { kind, message } };
}

/**
 * An error as a person should see it, without logging. Unknown errors are not described: they
 * may hold secrets.
 */
export function safeErrorInfo(error: unknown): MessageErrorInfo {
  if (error instanceof ConnectError) return { kind: 'connect', message: error.message };
  if (error instanceof MessageRefused) return { kind: 'refused', message: error.message };
  if (error instanceof GhlError) return { kind: error.kind, message: error.message };
  if (error instanceof QuotaError) return { kind: 'storage', message: error.message };
  return { kind: 'internal', message: 'Something went wrong in the extension. Try again.' };
}

/** {@link safeErrorInfo}, logging the name of an unexpected error (never its message). */
export function errorInfo(error: unknown): MessageErrorInfo {
  const info = safeErrorInfo(error);
  if (info.kind === 'internal') {
    console.error('GHL for Trint: unexpected error in a message handler', errorName(error));
  }
  return info;
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}` : typeof error;
}
