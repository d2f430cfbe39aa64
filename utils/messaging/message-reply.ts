import { z } from 'zod/mini';

/**
 * The background's reply on the wire, shared by every sender (the content script included) and
 * the router (entrypoints/background/message-router.ts).
 */

/** Why a message failed, as a plain value. `message` is safe to show a person. */
export const messageErrorSchema = z.object({
  /** 'connect' (the person can fix it), a GhlError kind, 'refused', 'invalid' or 'internal'. */
  kind: z.string(),
  message: z.string(),
});
export type MessageErrorInfo = z.infer<typeof messageErrorSchema>;

/** The background's reply: the answer, or an error as a value (never a stack trace). */
export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: messageErrorSchema }),
]);
export type Reply = z.infer<typeof replySchema>;
