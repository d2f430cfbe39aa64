import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';

/**
 * Starts a sync at once. Busy while the background runs one (started by this button or by the
 * schedule), so a second click cannot queue another; a refusal is said in words.
 */
export function SyncNowButton({ running }: { running: boolean }) {
  const { busy, error, run } = useAction();
  return (
    <>
      {error && (
        <p class="message message--error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        class="button"
        disabled={busy || running}
        onClick={() => void run(() => sendMessage('sync/now', {}))}
      >
        {busy || running ? 'Syncing…' : 'Sync now'}
      </button>
    </>
  );
}
