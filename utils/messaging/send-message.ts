import { createMessageSender } from './message-sender';
import { PROTOCOL } from './protocol';

export { errorWords, MessageError } from './message-sender';

/**
 * Sends a protocol message to the background and returns its validated answer, or throws a
 * {@link MessageError}. For the popup and options page; the content script sends with
 * `sendTrintMessage` (send-trint-message.ts), which loads only the answers it can get.
 */
export const sendMessage = createMessageSender((type) => PROTOCOL[type].answer);
