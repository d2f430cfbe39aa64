import { z } from 'zod';

// What the background stores about the GHL connection, secrets included. Only the background
// reads or writes these records (through credential-store.ts); other contexts see the public
// ConnectionStatus instead (connection-status.ts).

/** How the extension authenticates. */
export const connectionKind = z.enum(['pit', 'oauth', 'sandbox']);
export type ConnectionKind = z.infer<typeof connectionKind>;

/** The secret part of a connection. */
const credential = z.discriminatedUnion('type', [
  /** A Private Integration token: does not expire; an admin rotates it in GHL. */
  z.object({ type: z.literal('pit'), token: z.string().min(1) }),
  /** OAuth tokens; refreshed through the broker or directly with the client secret. */
  z.object({
    type: z.literal('oauth'),
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1),
    expiresAt: z.number(),
  }),
  /** The built-in Sandbox: its fixed token, nothing secret. */
  z.object({ type: z.literal('sandbox') }),
]);

/** Whether the credentials still work. */
const health = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok') }),
  z.object({
    state: z.literal('reconnect-needed'),
    /** Why, in words a person understands. */
    reason: z.string(),
    at: z.number(),
    /** The one notification for this loss has been shown. */
    notified: z.boolean(),
  }),
]);

/** The connection record. */
export const storedConnectionSchema = z.object({
  /** New for every credential (connect, token replacement, reconnect): tells stale calls apart. */
  credentialId: z.string().min(1),
  kind: connectionKind,
  locationId: z.string().min(1),
  locationName: z.string().optional(),
  /** Granted scopes: from OAuth's answer, or probed for a Private Integration token. */
  scopes: z.array(z.string()),
  /** Set when GHL refused a write for lack of scope although the scopes said otherwise. */
  readOnlyReason: z.string().optional(),
  /** When this location was first connected (kept across token replacement). */
  connectedAt: z.number(),
  credential,
  health,
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

/** The OAuth app the person set up in the options page. */
export const oauthAppSchema = z.object({
  clientId: z.string().min(1),
  /** Token exchange and refresh: through a broker that holds the secret, or with the secret here. */
  exchange: z.enum(['broker', 'secret']),
  brokerUrl: z.string().optional(),
  clientSecret: z.string().optional(),
});
export type OAuthApp = z.infer<typeof oauthAppSchema>;
