import type { LastConnectError } from '@/utils/storage/last-connect-error-item';
import { sendMessage } from '@/utils/messaging/send-message';
import { lastConnectErrorItem } from '@/utils/storage/last-connect-error-item';
import { useStorageValue } from '../shared/use-storage-value';

/** How long a sign-in failure stays worth showing. */
const FRESH_MS = 15 * 60_000;

function freshFailure(failure: LastConnectError | undefined): LastConnectError | undefined {
  return failure && Date.now() - failure.at < FRESH_MS ? failure : undefined;
}

/**
 * The last OAuth sign-in failure the background kept (see last-connect-error.ts), while fresh,
 * and a way to dismiss it (the background forgets it).
 */
export function useLastConnectError(): [LastConnectError | undefined, () => void] {
  const failure = useStorageValue(lastConnectErrorItem, freshFailure);
  return [failure, () => void sendMessage('connection/forget-error', {}).catch(() => {})];
}
