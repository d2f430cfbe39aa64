import type { ConnectionStatus } from './connection-status';

/** What the toolbar button shows for a status. */
export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

/**
 * The toolbar badge: "!" when the person must reconnect (sync has stopped), "SBX" in Sandbox
 * mode so made-up data is never mistaken for the real account, nothing otherwise.
 */
export function toolbarBadge(status: ConnectionStatus): ToolbarBadge {
  if (status.state === 'reconnect-needed') {
    const where = status.kind === 'sandbox' ? ' (Sandbox)' : '';
    return { text: '!', color: '#b42318', title: `GHL for Trint: reconnect needed${where}` };
  }
  if (status.state === 'connected' && status.kind === 'sandbox') {
    return { text: 'SBX', color: '#6941c6', title: 'GHL for Trint: Sandbox mode (demo data)' };
  }
  return { text: '', color: '#000000', title: 'GHL for Trint' };
}
