import { useEffect, useState } from 'preact/hooks';
import type { OAuthAppView } from '@/utils/messaging/protocol';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';
import { useConnectionStatus } from '../shared/use-connection-status';

/**
 * The Marketplace app for "Sign in with GHL": client id, and how codes become tokens — through a
 * token broker that keeps the client secret (recommended), or with the secret kept in this
 * browser, with a plain warning. The secret is never shown again once saved.
 */
export function OAuthAppForm() {
  const [view, setView] = useState<OAuthAppView>();
  const [clientId, setClientId] = useState('');
  const [exchange, setExchange] = useState<'broker' | 'secret'>('broker');
  const [brokerUrl, setBrokerUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  // Until the stored app arrives the fields stay disabled: typed text would be overwritten by it.
  const loading = view === undefined;

  function show(next: OAuthAppView) {
    setView(next);
    setClientId(next.clientId);
    setExchange(next.exchange);
    setBrokerUrl(next.brokerUrl);
    setSecret('');
  }
  useEffect(() => void run(async () => show(await sendMessage('oauth-app/get', {}))), []);
  // Disconnecting removes a stored client secret: say so, without touching unsaved edits.
  const connection = useConnectionStatus();
  useEffect(() => {
    if (connection?.state !== 'not-connected') return;
    sendMessage('oauth-app/get', {}).then(
      (next) => setView((shown) => shown && { ...shown, hasClientSecret: next.hasClientSecret }),
      () => undefined,
    );
  }, [connection?.state]);

  async function save(event: Event) {
    event.preventDefault();
    setSaved(false);
    const ok = await run(async () =>
      show(
        await sendMessage('oauth-app/save', {
          clientId,
          exchange,
          brokerUrl,
          clientSecret: secret || undefined,
        }),
      ),
    );
    setSaved(ok);
  }

  return (
    <section class="card" aria-labelledby="oauth-title">
      <h2 id="oauth-title" class="card__title">
        OAuth app (for “Sign in with GHL”)
      </h2>
      <p class="card__text">
        Needed only to connect with OAuth. Register this redirect URL in your GHL Marketplace app:{' '}
        <code class="copyable">{view?.redirectUri ?? '…'}</code>
      </p>
      <form class="form" aria-busy={loading} onSubmit={(e) => void save(e)}>
        <label class="field">
          <span class="field__label">Client id</span>
          <input
            class="field__input"
            disabled={loading}
            value={clientId}
            onInput={(e) => setClientId(e.currentTarget.value)}
          />
        </label>
        <fieldset class="field">
          <legend class="field__label">Token exchange</legend>
          <label class="check">
            <input
              type="radio"
              name="exchange"
              disabled={loading}
              checked={exchange === 'broker'}
              onChange={() => setExchange('broker')}
            />
            Through a token broker that keeps the client secret (recommended)
          </label>
          <label class="check">
            <input
              type="radio"
              name="exchange"
              disabled={loading}
              checked={exchange === 'secret'}
              onChange={() => setExchange('secret')}
            />
            Directly with GHL, with the client secret kept in this browser
          </label>
        </fieldset>
        {exchange === 'broker' ? (
          <>
            <label class="field">
              <span class="field__label">Token broker URL</span>
              <input
                class="field__input"
                type="url"
                disabled={loading}
                placeholder="https://broker.example.com"
                value={brokerUrl}
                onInput={(e) => setBrokerUrl(e.currentTarget.value)}
              />
            </label>
            <p class="hint">
              The broker must allow this extension’s origin:{' '}
              <code class="copyable">{view?.extensionOrigin ?? '…'}</code>. Saving with the broker
              removes any client secret stored in this browser.
            </p>
          </>
        ) : (
          <>
            <p class="message message--warning" role="note">
              A client secret kept in a browser is not secret: anyone who can use this browser
              profile, or inspect the extension, can read it and act as your app. Prefer a token
              broker (see broker/README.md in the project).
            </p>
            <label class="field">
              <span class="field__label">Client secret</span>
              <input
                class="field__input"
                type="password"
                disabled={loading}
                autocomplete="off"
                placeholder={view?.hasClientSecret ? 'Saved. Type a new one to replace it.' : ''}
                value={secret}
                onInput={(e) => setSecret(e.currentTarget.value)}
              />
            </label>
          </>
        )}
        {error && (
          <p class="message message--error" role="alert">
            {error}
          </p>
        )}
        {saved && !error && (
          <p class="message" role="status">
            Saved.
          </p>
        )}
        <div class="row">
          <button type="submit" class="button" disabled={busy || loading}>
            Save
          </button>
        </div>
      </form>
    </section>
  );
}
