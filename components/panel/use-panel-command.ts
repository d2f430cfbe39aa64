import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { panelCommandSchema } from '@/utils/messaging/tab-messages';
import { findTranscriptBody } from '@/utils/trint/transcript-selection';

/**
 * Where the command puts the focus, first found wins: the search field, else the first quick
 * action, else the panel's Show/Hide button. Looked for one after the other: a single selector
 * list would find the header's Hide button first (document order), five or more tab stops before
 * the quick actions.
 */
const FIRST = ['input[type="search"]', '.contact__quick .panel__button', '.panel__toggle'];

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
  const returnTo = useRef<Element | null>(null);
  const commanded = useRef(false);
  const focusIn = () => {
    for (const selector of FIRST) {
      const target = aside.current?.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  };
  /** The focused element in the panel's shadow root, if the focus is in the panel. */
  const inside = () => {
    const active = (aside.current?.getRootNode() as ShadowRoot | undefined)?.activeElement;
    return active && aside.current?.contains(active) ? (active as HTMLElement) : undefined;
  };
  const leave = () => {
    const back = returnTo.current?.isConnected ? returnTo.current : findTranscriptBody(document);
    (back as HTMLElement | undefined)?.focus?.();
    // Nothing to go back to that takes the focus: the panel lets go of it.
    inside()?.blur();
  };

  useEffect(() => {
    const onMessage = (message: unknown) => {
      if (!panelCommandSchema.safeParse(message).success) return;
      if (inside()) {
        leave();
        setCollapsed(true);
        return;
      }
      const active = document.activeElement;
      returnTo.current = active === document.body ? null : active;
      commanded.current = collapsed;
      if (collapsed) setCollapsed(false);
      else focusIn();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [collapsed]);

  // Shown by the command: the focus goes in once the panel is drawn.
  useEffect(() => {
    if (collapsed || !commanded.current) return;
    commanded.current = false;
    focusIn();
  }, [collapsed]);

  return (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) leave();
  };
}
