import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';

/**
 * Disconnect, confirmed. The credentials always go; the cached data (and any changes not yet
 * sent to GHL) only when the person ticks the box, because that cannot be undone.
 */
export function DisconnectConfirm({
  sandbox,
  onCancel,
}: {
  sandbox: boolean;
  onCancel: () => void;
}) {
  const [wipeCache, setWipeCache] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <div class="confirm" role="group" aria-labelledby="disconnect-title">
      <p id="disconnect-title" class="confirm__title">
        {sandbox ? 'Turn off Sandbox mode?' : 'Disconnect from GHL?'}
      </p>
      <p class="card__text">
        {sandbox
          ? 'The extension stops using the demo data.'
          : 'The token, and an OAuth client secret if one is stored, are removed from this browser. Links between transcripts and contacts are kept, unless you delete cached data below.'}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={wipeCache}
          onChange={(e) => setWipeCache(e.currentTarget.checked)}
        />
        Also delete cached GHL data on this device: links between transcripts and contacts, their
        timelines, the audit log, and changes not yet sent to GHL
      </label>
      {error && (
        <p class="message message--error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button
          type="button"
          class="button button--danger"
          disabled={busy}
          onClick={() => void run(() => sendMessage('connection/disconnect', { wipeCache }))}
        >
          {sandbox ? 'Turn off' : 'Disconnect'}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
