import { lastConnectErrorSchema, type LastConnectError } from '../auth/last-connect-error';
import { defineStoredItem } from './stored-item';

export type { LastConnectError } from '../auth/last-connect-error';

/** The storage key of the last sign-in failure. */
export const LAST_CONNECT_ERROR_KEY = 'lastConnectError';

/**
 * Why the last "Sign in with GHL" failed, kept by the background for the popup the OAuth window
 * closed (see last-connect-error.ts). The popup dismisses it with 'connection/forget-error'.
 */
export const lastConnectErrorItem = defineStoredItem({
  key: LAST_CONNECT_ERROR_KEY,
  area: 'kept',
  schema: lastConnectErrorSchema,
  fallback: (): LastConnectError | undefined => undefined,
});
