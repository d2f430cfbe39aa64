import { z } from 'zod/mini';

/**
 * What every context may know about the GHL connection: never a token. The background publishes
 * it to storage.local (which content scripts can read), so the popup, options page and panels
 * show the same state and update together. zod/mini keeps the content script small.
 */
export const connectionStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-connected') }),
  z.object({
    state: z.enum(['connected', 'reconnect-needed']),
    kind: z.enum(['pit', 'oauth', 'sandbox']),
    locationId: z.string(),
    locationName: z.optional(z.string()),
    scopes: z.array(z.string()),
    /** False when the scopes lack contacts.write or GHL refused a write for lack of scope. */
    canWrite: z.boolean(),
    /** Why writes are disabled, in words. */
    readOnlyReason: z.optional(z.string()),
    /** Epoch ms the location was connected. */
    since: z.number(),
    /** Why the connection stopped working. */
    reconnectReason: z.optional(z.string()),
  }),
]);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;
