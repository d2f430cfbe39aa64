import { useState } from 'preact/hooks';
import type { ConnectionStatus } from '@/utils/messaging/connection-status-schema';
import { SCOPE_CONTACTS_WRITE } from '@/utils/ghl/api-constants';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';
import { CheckConnection } from './check-connection';
import { ConnectionFacts } from './connection-facts';
import { DisconnectConfirm } from './disconnect-confirm';
import { OAuthConnect } from './oauth-connect';
import { TokenForm } from './token-form';

/**
 * The connection at a glance, and the way to change it: Not connected (token, OAuth or Sandbox),
 * Connected (facts, read-only reason, replace token, disconnect), Reconnect needed (why, and
 * the one action that fixes it), Sandbox.
 */
export function ConnectionCard({ status }: { status: ConnectionStatus | undefined }) {
  if (!status) {
    return (
      <section class="card" aria-busy="true" aria-label="GHL connection">
        <p class="card__text">Reading the connection…</p>
      </section>
    );
  }
  if (status.state === 'not-connected') return <NotConnected />;
  // A new location or way of connecting starts the card afresh (no form left open).
  return <Known key={`${status.kind}:${status.locationId}`} status={status} />;
}

function NotConnected() {
  const sandbox = useAction();
  return (
    <section class="card" aria-labelledby="connection-title">
      <h2 id="connection-title" class="card__title">
        Not connected
      </h2>
      <p class="card__text">Connect your GoHighLevel location to see its contacts in Trint.</p>
      <LiveConnectForms />
      <p class="divider">or try it first</p>
      {sandbox.error && (
        <p class="message message--error" role="alert">
          {sandbox.error}
        </p>
      )}
      <button
        type="button"
        class="button button--secondary"
        disabled={sandbox.busy}
        onClick={() => void sandbox.run(() => sendMessage('connection/connect-sandbox', {}))}
      >
        Use the Sandbox (demo data, no account)
      </button>
    </section>
  );
}

/** The two ways to connect a real account: a Private Integration token, or OAuth. */
function LiveConnectForms({ onCancel }: { onCancel?: () => void }) {
  return (
    <>
      <TokenForm onCancel={onCancel} />
      <p class="divider">or</p>
      <OAuthConnect />
    </>
  );
}

function Known({ status }: { status: Exclude<ConnectionStatus, { state: 'not-connected' }> }) {
  const [mode, setMode] = useState<'idle' | 'replace' | 'disconnect' | 'go-live'>('idle');
  const sandbox = status.kind === 'sandbox';
  const broken = status.state === 'reconnect-needed';
  const title = broken ? 'Reconnect needed' : sandbox ? 'Sandbox mode' : 'Connected';
  return (
    <section
      class={`card ${broken ? 'card--alert' : ''} ${sandbox ? 'card--sandbox' : ''}`}
      aria-labelledby="connection-title"
    >
      <h2 id="connection-title" class="card__title">
        {title}
        {sandbox && <span class="badge badge--sandbox">Sandbox</span>}
      </h2>
      {broken && (
        <p class="message message--error" role="alert">
          {status.reconnectReason}
        </p>
      )}
      {sandbox && !broken && (
        <p class="card__text">Made-up demo data inside the extension. Nothing reaches GHL.</p>
      )}
      <ConnectionFacts status={status} />
      {status.readOnlyReason && <p class="message message--warning">{status.readOnlyReason}</p>}
      {mode === 'replace' && (
        <TokenForm replacing onDone={() => setMode('idle')} onCancel={() => setMode('idle')} />
      )}
      {mode === 'go-live' && <LiveConnectForms onCancel={() => setMode('idle')} />}
      {mode === 'disconnect' && (
        <DisconnectConfirm sandbox={sandbox} onCancel={() => setMode('idle')} />
      )}
      {mode === 'idle' && (
        <div class="row">
          {status.kind === 'pit' && (
            <button type="button" class="button" onClick={() => setMode('replace')}>
              Replace token
            </button>
          )}
          {status.kind === 'oauth' && (
            <OAuthConnect
              label={broken ? 'Connect again' : 'Sign in again'}
              readOnlyAtFirst={!status.scopes.includes(SCOPE_CONTACTS_WRITE)}
            />
          )}
          {sandbox && broken && <SandboxAgain />}
          {sandbox && (
            <button type="button" class="button" onClick={() => setMode('go-live')}>
              Connect your account
            </button>
          )}
          {!broken && <CheckConnection sandbox={sandbox} />}
          <button
            type="button"
            class="button button--secondary"
            onClick={() => setMode('disconnect')}
          >
            {sandbox ? 'Turn off Sandbox' : 'Disconnect'}
          </button>
        </div>
      )}
    </section>
  );
}

function SandboxAgain() {
  const { busy, run } = useAction();
  return (
    <button
      type="button"
      class="button"
      disabled={busy}
      onClick={() => void run(() => sendMessage('connection/connect-sandbox', {}))}
    >
      Restart the Sandbox
    </button>
  );
}
