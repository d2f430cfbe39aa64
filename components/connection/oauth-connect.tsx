import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';
import { useLastConnectError } from './use-last-connect-error';

/** Props of {@link OAuthConnect}. */
export interface OAuthConnectProps {
  label?: string;
  /** Start with "read-only" ticked, e.g. when reconnecting a read-only connection. */
  readOnlyAtFirst?: boolean;
}

/**
 * "Sign in with GHL": the OAuth authorization in a GHL window, run by the background (so it goes
 * on when the toolbar popup closes as the window opens). A failure is shown here, or, if the
 * popup was closed meanwhile, the next time it opens. Read-only asks for contacts.readonly alone.
 */
export function OAuthConnect({
  label = 'Sign in with GHL (OAuth)',
  readOnlyAtFirst = false,
}: OAuthConnectProps) {
  const [readOnly, setReadOnly] = useState(readOnlyAtFirst);
  const { busy, error, run, clearError } = useAction();
  const [lastFailure, dismiss] = useLastConnectError();
  const shown = error ?? (busy ? undefined : lastFailure?.message);
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
      {shown && (
        <p class="message message--error" role="alert">
          {shown}{' '}
          {/settings/i.test(shown) && (
            <button
              type="button"
              class="link"
              onClick={() => void browser.runtime.openOptionsPage()}
            >
              Open settings
            </button>
          )}{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              clearError();
              dismiss();
            }}
          >
            Dismiss
          </button>
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
