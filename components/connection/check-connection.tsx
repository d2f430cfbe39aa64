import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';

/** "Check connection": one real call to GHL, and its outcome in words. */
export function CheckConnection({ sandbox }: { sandbox: boolean }) {
  const [checkedAt, setCheckedAt] = useState<Date>();
  const { busy, error, run } = useAction();
  async function check() {
    setCheckedAt(undefined);
    const ok = await run(() => sendMessage('connection/check', {}));
    if (ok) setCheckedAt(new Date());
  }
  return (
    <>
      <button
        type="button"
        class="button button--secondary"
        disabled={busy}
        onClick={() => void check()}
      >
        {busy ? 'Checking…' : 'Check connection'}
      </button>
      {checkedAt && (
        <p class="message" role="status">
          {sandbox ? 'The Sandbox' : 'GHL'} answered: the connection works (
          {checkedAt.toLocaleTimeString()}).
        </p>
      )}
      {error && (
        <p class="message message--error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
