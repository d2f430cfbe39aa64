import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  LAST_CONNECT_ERROR_KEY,
  parseLastConnectError,
  type LastConnectError,
} from '@/utils/auth/last-connect-error';

/** How long a sign-in failure stays worth showing. */
const FRESH_MS = 15 * 60_000;

/**
 * The last OAuth sign-in failure the background kept (see last-connect-error.ts), while fresh,
 * and a way to dismiss it.
 */
export function useLastConnectError(): [LastConnectError | undefined, () => void] {
  const [failure, setFailure] = useState<LastConnectError>();
  useEffect(() => {
    const show = (value: unknown) => {
      const parsed = parseLastConnectError(value);
      setFailure(parsed && Date.now() - parsed.at < FRESH_MS ? parsed : undefined);
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && LAST_CONNECT_ERROR_KEY in changes) {
        show(changes[LAST_CONNECT_ERROR_KEY]!.newValue);
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.local
      .get(LAST_CONNECT_ERROR_KEY)
      .then((s) => show(s[LAST_CONNECT_ERROR_KEY]));
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return [failure, () => void browser.storage.local.remove(LAST_CONNECT_ERROR_KEY)];
}
