import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';

/**
 * "Sign in with GHL": the OAuth authorization in a GHL window, run by the background (so it goes
 * on if this popup closes when the window opens). Read-only asks for contacts.readonly alone.
 */
export function OAuthConnect({ label = 'Sign in with GHL (OAuth)' }: { label?: string }) {
  const [readOnly, setReadOnly] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <div class="form">
      <label class="check">
        <input
          type="checkbox"
          checked={readOnly}
          onChange={(e) => setReadOnly(e.currentTarget.checked)}
        />
        Read-only (ask only for contacts.readonly)
      </label>
      {error && (
        <p class="message message--error" role="alert">
          {error}{' '}
          {/not set up/i.test(error) && (
            <button
              type="button"
              class="link"
              onClick={() => void browser.runtime.openOptionsPage()}
            >
              Open settings
            </button>
          )}
        </p>
      )}
      <button
        type="button"
        class="button button--secondary"
        disabled={busy}
        onClick={() => void run(() => sendMessage('connection/connect-oauth', { readOnly }))}
      >
        {busy ? 'Waiting for GHL…' : label}
      </button>
    </div>
  );
}
