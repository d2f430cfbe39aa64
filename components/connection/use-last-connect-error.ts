import { browser } from 'wxt/browser';
import {
  LAST_CONNECT_ERROR_KEY,
  parseLastConnectError,
  type LastConnectError,
} from '@/utils/auth/last-connect-error';
import { useStorageValue } from '../shared/use-storage-value';

/** How long a sign-in failure stays worth showing. */
const FRESH_MS = 15 * 60_000;

function freshFailure(raw: unknown): LastConnectError | undefined {
  const failure = parseLastConnectError(raw);
  return failure && Date.now() - failure.at < FRESH_MS ? failure : undefined;
}

/**
 * The last OAuth sign-in failure the background kept (see last-connect-error.ts), while fresh,
 * and a way to dismiss it.
 */
export function useLastConnectError(): [LastConnectError | undefined, () => void] {
  const failure = useStorageValue(LAST_CONNECT_ERROR_KEY, freshFailure);
  return [failure, () => void browser.storage.local.remove(LAST_CONNECT_ERROR_KEY)];
}
