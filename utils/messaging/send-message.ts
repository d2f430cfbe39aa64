import { browser } from 'wxt/browser';
import { PROTOCOL, replySchema, type Answer, type MessageType, type Payload } from './protocol';

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
 * Sends a protocol message to the background and returns its validated answer, or throws a
 * {@link MessageError}. Used by the popup, options page and content script alike.
 */
export async function sendMessage<T extends MessageType>(
  type: T,
  payload: Payload<T>,
): Promise<Answer<T>> {
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
  const answer = PROTOCOL[type].answer.safeParse(reply.data.value);
  if (!answer.success) throw new MessageError('invalid', 'The background answered unexpectedly.');
  return answer.data as Answer<T>;
}
