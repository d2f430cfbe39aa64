import { z } from 'zod/mini';

/**
 * Why the last "Sign in with GHL" failed. The OAuth window closes the toolbar popup, so the
 * popup that asked is gone when the answer comes: the background keeps the (safe) message in
 * storage.local for the popup to show when it opens again.
 */
export const LAST_CONNECT_ERROR_KEY = 'lastConnectError';

export const lastConnectErrorSchema = z.object({ message: z.string(), at: z.number() });
export type LastConnectError = z.infer<typeof lastConnectErrorSchema>;

/** A stored failure, or undefined for none or an unreadable value. */
export function parseLastConnectError(value: unknown): LastConnectError | undefined {
  const parsed = lastConnectErrorSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
