import type { z } from 'zod/mini';
import { browser } from 'wxt/browser';
import { replySchema } from './message-reply';
import type { Answer, MessageType, Payload } from './protocol';

/** A message the background answered with an error; `message` is safe to show. */
export class MessageError extends Error {
  override readonly name = 'MessageError';
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What a person is told about a failed message: the background's words when it answered with
 * an error (they are safe to show), `fallback` for anything else (never a raw exception).
 */
export function errorWords(error: unknown, fallback: string): string {
  return error instanceof MessageError ? error.message : fallback;
}

/**
 * A function that sends protocol messages of `Types` to the background and returns each validated
 * answer, or throws a {@link MessageError}. `answerOf` gives a type's answer schema: the whole
 * table for extension pages (send-message.ts), the Trint tab's part for the content script
 * (send-trint-message.ts), so the content script does not carry the rest.
 */
export function createMessageSender<Types extends MessageType>(
  answerOf: (type: Types) => z.ZodMiniType,
) {
  return async function send<T extends Types>(type: T, payload: Payload<T>): Promise<Answer<T>> {
    let raw: unknown;
    try {
      raw = await browser.runtime.sendMessage({ type, payload });
    } catch {
      throw new MessageError(
        'unreachable',
        'The extension’s background is not answering. Reload the page or restart the browser.',
      );
    }
    const reply = replySchema.safeParse(raw);
    if (!reply.success) throw new MessageError('invalid', 'The background answered unexpectedly.');
    if (!reply.data.ok) throw new MessageError(reply.data.error.kind, reply.data.error.message);
    const answer = answerOf(type).safeParse(reply.data.value);
    if (!answer.success) throw new MessageError('invalid', 'The background answered unexpectedly.');
    return answer.data as Answer<T>;
  };
}
