import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';

/** Props of {@link TokenForm}. */
export interface TokenFormProps {
  /** Replacing the token of the connected location: no location field. */
  replacing?: boolean;
  onDone?: () => void;
  /** Shows a Cancel button that calls this. */
  onCancel?: () => void;
}

/**
 * Connect with a Private Integration token, or replace it (rotation). The background checks the
 * token with GHL before anything is saved and answers with what to fix.
 */
export function TokenForm({ replacing = false, onDone, onCancel }: TokenFormProps) {
  const [token, setToken] = useState('');
  const [locationId, setLocationId] = useState('');
  const { busy, error, run } = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    const ok = await run(() =>
      replacing
        ? sendMessage('connection/replace-token', { token })
        : sendMessage('connection/connect-token', { token, locationId }),
    );
    if (ok) {
      setToken('');
      onDone?.();
    }
  }

  return (
    <form
      class="form"
      onSubmit={submit}
      aria-label={replacing ? 'Replace token' : 'Connect with a token'}
    >
      <label class="field">
        <span class="field__label">
          {replacing ? 'New Private Integration token' : 'Private Integration token'}
        </span>
        <input
          class="field__input"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
      </label>
      {!replacing && (
        <label class="field">
          <span class="field__label">Location id</span>
          <input
            class="field__input"
            autocomplete="off"
            spellcheck={false}
            required
            placeholder="e.g. ve9EPM428h8vShlRW1KT"
            value={locationId}
            onInput={(e) => setLocationId(e.currentTarget.value)}
          />
        </label>
      )}
      <p class="hint">
        In GHL: Settings → Private Integrations → create one with the contacts.readonly scope (and
        contacts.write to make changes). The location id is under Settings → Business Profile.
      </p>
      {error && (
        <p class="message message--error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Checking with GHL…' : replacing ? 'Replace token' : 'Connect'}
        </button>
        {onCancel && (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
