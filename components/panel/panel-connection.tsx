import type { ConnectionStatus } from '@/utils/messaging/connection-status-schema';

/**
 * The connection as the panel shows it: a "Sandbox" marker so demo data is never taken for the
 * real account, and what to do when not connected, read-only or needing a reconnect.
 */
export function PanelConnectionBadge({ status }: { status: ConnectionStatus | undefined }) {
  if (status?.state !== 'not-connected' && status?.kind === 'sandbox') {
    return (
      <span class="panel__badge panel__badge--sandbox" title="Sandbox mode: made-up demo data">
        Sandbox
      </span>
    );
  }
  return null;
}

/** One line under the header when the connection needs attention; nothing when all is well. */
export function PanelConnectionNotice({ status }: { status: ConnectionStatus | undefined }) {
  if (!status) return null;
  if (status.state === 'not-connected') {
    return (
      <p class="panel__notice" role="status">
        Not connected to GHL. Click the GHL for Trint button in the toolbar to connect, or to try
        the Sandbox.
      </p>
    );
  }
  if (status.state === 'reconnect-needed') {
    return (
      <p class="panel__notice panel__notice--alert" role="alert">
        Reconnect needed: {status.reconnectReason}
      </p>
    );
  }
  if (!status.canWrite) {
    return (
      <p class="panel__notice" role="status">
        {status.readOnlyReason}
      </p>
    );
  }
  return null;
}
