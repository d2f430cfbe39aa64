/** What a page can put in the top layer itself: its own popovers and modal dialogs. */
const PAGE_TOP_LAYER = ':popover-open, dialog:modal';

/** Shows `host` (a `popover="manual"` element) in the top layer, or again as its last element. */
export function showOnTop(host: HTMLElement): void {
  // Older engines without the Popover API keep the host's own z-index (panel-styles.css).
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  // The host's attributes are the page's to change: showing needs it to be a popover.
  if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
  try {
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
  } catch {
    // Refused (say, the page moved the host into a closed dialog): it shows where it is, with
    // its own z-index, and the next change of the page tries again.
  }
}

/**
 * Keeps the panel above whatever the page draws. In the top layer no z-index of the page (chat
 * widgets and app shells use 2147483647) covers it, however late its fixed elements come; only
 * what the page puts in the top layer after us would, so when a new one appears the host is shown
 * again, which makes it the last. Not while the panel has the focus: hiding a popover moves the
 * focus out of it; the next change of the page tries again.
 */
export function keepOnTop(host: HTMLElement, signal: AbortSignal): void {
  showOnTop(host);
  let seen = new Set<Element>();
  const check = () => {
    if (!host.isConnected) return;
    const current = new Set(
      [...host.ownerDocument.querySelectorAll(PAGE_TOP_LAYER)].filter((e) => e !== host),
    );
    const appeared = [...current].some((element) => !seen.has(element));
    if ((appeared || !host.matches(':popover-open')) && !host.matches(':focus-within')) {
      showOnTop(host);
      seen = current;
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(host.ownerDocument.documentElement, {
    childList: true,
    subtree: true,
    attributeFilter: ['popover', 'open'],
  });
  // Showing a popover or a dialog changes no attribute when done by script (showPopover,
  // showModal), but it fires `toggle` on the element; it does not bubble, so listen in capture.
  host.ownerDocument.addEventListener('toggle', check, { capture: true, signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
