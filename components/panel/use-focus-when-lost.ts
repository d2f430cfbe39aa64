import { useEffect, useRef } from 'preact/hooks';

/**
 * When `key` changes (a contact linked or unlinked, the panel collapsed or expanded) the control
 * that had the focus is often gone, and keyboard users would be dropped at the top of the page.
 * Puts the focus on `target()` then, but only if the focus was lost: a change made elsewhere
 * (the background, another tab) never moves someone's focus.
 */
export function useFocusWhenLost(key: unknown, target: () => HTMLElement | null | undefined) {
  const previous = useRef(key);
  useEffect(() => {
    if (Object.is(previous.current, key)) return;
    previous.current = key;
    const element = target();
    if (!element) return;
    const root = element.getRootNode() as Document | ShadowRoot;
    const focused = root.activeElement;
    if (!focused || focused === element.ownerDocument.body) element.focus();
  }, [key]);
}
