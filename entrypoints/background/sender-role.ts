import { originOf } from '@/utils/extension-origin';
import type { SenderRole } from '@/utils/messaging/protocol';

/** The facts of a message sender the background trusts (from runtime.onMessage). */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Where this extension runs and the Trint origins its content script is injected into. */
export interface TrustedOrigins {
  extensionId: string;
  /** e.g. chrome-extension://<id> or moz-extension://<uuid> */
  extensionOrigin: string;
  /** Every Trint origin (utils/trint's TRINT_ORIGINS): a tab on any other is no Trint tab. */
  trintOrigins: readonly string[];
}

/**
 * Who sent a message, or undefined for anyone the background must not answer: other extensions,
 * web pages (even with externally_connectable) and content scripts on other sites.
 */
export function senderRole(sender: SenderFacts, trusted: TrustedOrigins): SenderRole | undefined {
  if (sender.id !== trusted.extensionId || !sender.url) return undefined;
  let origin: string;
  try {
    origin = originOf(new URL(sender.url));
  } catch {
    return undefined;
  }
  if (origin === trusted.extensionOrigin) return 'extension-page';
  if (sender.tab && trusted.trintOrigins.includes(origin)) return 'trint-tab';
  return undefined;
}
