import { z } from 'zod/mini';

/**
 * Why the last "Sign in with GHL" failed. The OAuth window closes the toolbar popup, so the
 * popup that asked is gone when the answer comes: the background keeps the (safe) message in
 * storage.local (utils/storage/last-connect-error-item.ts) for the popup to show when it opens
 * again.
 */

export const lastConnectErrorSchema = z.object({ message: z.string(), at: z.number() });
export type LastConnectError = z.infer<typeof lastConnectErrorSchema>;
