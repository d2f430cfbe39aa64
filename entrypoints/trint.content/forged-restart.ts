import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT ends a content script's context (and so removes the panel) when a newer copy of the same
 * script announces itself: a CustomEvent on `document` whose type is the extension id, the
 * script's name and `wxt:content-script-started`. A page can dispatch that event too. A real newer
 * copy comes only with an update or reload of the extension, after which this copy's runtime is
 * gone (`browser.runtime.id` is undefined, as WXT's own `isInvalid` checks); while it is still
 * there, the announcement is forged. This listener, in capture on `window`, runs before WXT's on
 * `document` and stops a forged one there.
 */
export function ignoreForgedRestarts(signal: AbortSignal): void {
  // WXT keeps the name private; it is read, not rebuilt, so a change of its format in WXT cannot
  // silently make this listen for the wrong event (the attacker e2e test forges the real one).
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  const stopForged = (event: Event) => {
    if (browser.runtime?.id) event.stopImmediatePropagation();
  };
  window.addEventListener(type, stopForged, { capture: true, signal });
}
