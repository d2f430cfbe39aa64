import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import { watchLocation } from '@/utils/trint/location-watcher';
import { findListedTranscripts } from '@/utils/trint/transcript-list';
import { DOM_REREAD_MS } from '@/utils/trint/transcript-page-watcher';

/** The custom element of a marker; its shadow root keeps Trint's styles out and ours in. */
export const LINK_MARKER_TAG = 'ghl-link-marker';

const MARKER_STYLE = `:host{display:inline-block;margin-left:6px;vertical-align:middle}
span{display:inline-block;padding:0 6px;border-radius:999px;background:#155eef;color:#fff;
font:600 11px/18px system-ui,sans-serif}`;

/**
 * What a marker says. Not whom: the marker is in the page's DOM, where every script of the page
 * reads it, and a contact's name is CRM data the page has no business with.
 */
export const LINK_MARKER_LABEL = 'Linked to GHL';

/** A small "GHL" pill after a listed transcript, saying (as text) that it is linked. */
function createMarker(doc: Document): HTMLElement {
  const marker = doc.createElement(LINK_MARKER_TAG);
  marker.setAttribute('role', 'img');
  marker.setAttribute('aria-label', LINK_MARKER_LABEL);
  marker.title = LINK_MARKER_LABEL;
  const shadow = marker.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = MARKER_STYLE;
  const pill = doc.createElement('span');
  pill.textContent = 'GHL';
  shadow.append(style, pill);
  return marker;
}

/** Puts or removes the marker after one listed link. */
function placeMarker(anchor: HTMLAnchorElement, linked: boolean): void {
  const next = anchor.nextElementSibling;
  const existing = next?.localName === LINK_MARKER_TAG ? next : undefined;
  if (linked && !existing) anchor.after(createMarker(anchor.ownerDocument));
  else if (!linked) existing?.remove();
}

/**
 * Marks every transcript the page lists that is linked to a GHL contact (Trint's file list),
 * re-checked as the list renders or changes. Asks the background only when the set of listed
 * transcripts changed, so our own markers (a DOM change too) do not start another round.
 */
export function markLinkedTranscripts(ctx: ContentScriptContext, skip: () => Element | undefined) {
  let asked = '';
  let linked = new Set<string>();
  const mark = async () => {
    const listed = findListedTranscripts(document, skip());
    const ids = [...new Set(listed.map((item) => item.transcriptId))];
    const key = ids.join(' ');
    if (key !== asked) {
      asked = key;
      if (ids.length === 0) return;
      try {
        const { links } = await sendTrintMessage('links/find', { transcriptIds: ids });
        // An answer for a list that has changed since is stale: the newer ask's answer counts.
        if (asked !== key) return;
        linked = new Set(links.map((link) => link.transcriptId));
      } catch {
        // Markers are a help: without the background, the list stays as Trint drew it, and the
        // next change of the page asks again.
        if (asked === key) asked = '';
        return;
      }
    }
    for (const { transcriptId, anchor } of listed) placeMarker(anchor, linked.has(transcriptId));
  };
  let timer: number | undefined;
  const markSoon = () => {
    timer ??= ctx.setTimeout(() => {
      timer = undefined;
      void mark();
    }, DOM_REREAD_MS);
  };
  const observer = new MutationObserver(markSoon);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  // Links change in other tabs and on other pages: coming back to the list (in-page navigation,
  // or this tab shown again) asks again even when the same transcripts are listed.
  const askAgain = () => {
    asked = '';
    markSoon();
  };
  watchLocation(window, askAgain, ctx.signal);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') askAgain();
  });
  void mark();
}
