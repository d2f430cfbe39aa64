import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { panelCommandSchema } from '@/utils/messaging/tab-messages';
import { findTranscriptBody } from '@/utils/trint/transcript-selection';

/** Where the command puts the focus: the search field, else the first quick action. */
const FOCUS_FIRST = 'input[type="search"], .contact__quick .panel__button, .panel__toggle';

/**
 * The keyboard path to the panel. The browser command (manifest `commands`, passed on by the
 * background as 'panel/command') shows a collapsed panel, or moves the focus into an open one,
 * or (when the focus is in it already) hides it; Escape that nothing inside took returns the focus
 * to where it was in Trint before (else the transcript's body). Answers the Escape handler.
 */
export function usePanelCommand(
  aside: { current: HTMLElement | null },
  collapsed: boolean,
  setCollapsed: (collapsed: boolean) => void,
) {
  const returnTo = useRef<HTMLElement | null>(null);
  const focusIn = useRef(false);

  const leave = () => {
    const back = returnTo.current?.isConnected ? returnTo.current : findTranscriptBody(document);
    if (back instanceof HTMLElement) back.focus();
    // Nothing to go back to that takes the focus: the panel lets go of it.
    if (inPanel(aside.current)) (activeIn(aside.current) as HTMLElement | null)?.blur();
  };

  useEffect(() => {
    const onMessage = (message: unknown) => {
      if (!panelCommandSchema.safeParse(message).success) return;
      if (!inPanel(aside.current)) {
        const active = document.activeElement;
        if (active instanceof HTMLElement && active !== document.body) returnTo.current = active;
        focusIn.current = true;
        if (collapsed) setCollapsed(false);
        else aside.current?.querySelector<HTMLElement>(FOCUS_FIRST)?.focus();
      } else {
        leave();
        setCollapsed(true);
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [collapsed]);

  // The panel shown by the command: the focus goes in once it is drawn.
  useEffect(() => {
    if (collapsed || !focusIn.current) return;
    focusIn.current = false;
    aside.current?.querySelector<HTMLElement>(FOCUS_FIRST)?.focus();
  }, [collapsed]);

  return (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) leave();
  };
}

/** The focused element inside the panel's shadow root (the document's is the host). */
function activeIn(panel: HTMLElement | null): Element | null {
  const root = panel?.getRootNode();
  return root && 'activeElement' in root ? (root as ShadowRoot).activeElement : null;
}

function inPanel(panel: HTMLElement | null): boolean {
  const active = activeIn(panel);
  return !!active && !!panel?.contains(active);
}
