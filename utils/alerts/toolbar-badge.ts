import { browser } from 'wxt/browser';
import type { ConnectionStatus } from '../auth/connection-status';

/** What the toolbar button shows. */
export interface ToolbarBadge {
  text: string;
  color: string;
  /** The button's tooltip: says why the badge is there. */
  title: string;
}

/** What the badge is computed from. */
export interface BadgeInput {
  connection: ConnectionStatus;
  /** Queued writes that failed for good and wait for the person (Retry or Discard). */
  failedJobs: number;
}

const RED = '#b42318';
const PURPLE = '#6941c6';
const NAME = 'GHL for Trint';
// Chrome shows about four characters; a larger count says nothing more to act on.
const MAX_COUNT = 99;

/**
 * The toolbar badge, most urgent first: "!" when the person must reconnect (sync has stopped),
 * the number of failed writes (each needs Retry or Discard in the popup), "SBX" in Sandbox mode
 * so made-up data is never mistaken for the real account, nothing otherwise.
 */
export function badgeFor({ connection, failedJobs }: BadgeInput): ToolbarBadge {
  const sandbox = connection.state !== 'not-connected' && connection.kind === 'sandbox';
  const where = sandbox ? ' (Sandbox)' : '';
  if (connection.state === 'reconnect-needed') {
    return { text: '!', color: RED, title: `${NAME}: reconnect needed${where}` };
  }
  if (failedJobs > 0) {
    const text = failedJobs > MAX_COUNT ? `${MAX_COUNT}+` : String(failedJobs);
    const changes = failedJobs === 1 ? '1 change' : `${failedJobs} changes`;
    return {
      text,
      color: RED,
      title: `${NAME}: ${changes} could not be sent to GHL${where}. Open to retry or discard.`,
    };
  }
  if (sandbox) return { text: 'SBX', color: PURPLE, title: `${NAME}: Sandbox mode (demo data)` };
  return { text: '', color: '#000000', title: NAME };
}

/** Shows {@link badgeFor} on the toolbar button: text, colour and tooltip. */
export async function updateBadge(connection: ConnectionStatus, failedJobs: number): Promise<void> {
  const badge = badgeFor({ connection, failedJobs });
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]);
}
