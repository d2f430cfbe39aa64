import { createMessageSender } from './message-sender';
import { TRINT_ANSWERS } from './trint-answers';

export { errorWords, MessageError } from './message-sender';

/**
 * `sendMessage` for the content script: the same messages, payloads and answers as the popup's,
 * limited to the types a Trint tab may send, and validated with trint-answers.ts alone, so the
 * content script does not load the rest of the message table.
 */
export const sendTrintMessage = createMessageSender(
  (type: keyof typeof TRINT_ANSWERS) => TRINT_ANSWERS[type],
);
