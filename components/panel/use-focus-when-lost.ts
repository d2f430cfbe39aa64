import { useEffect, useRef } from 'preact/hooks';
import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';

/**
 * Whether the person's focus was last inside the panel's shadow root rather than on Trint's page.
 * Kept from `focusin` on the document, which sees focus enter the panel as focus on its host: a
 * control removed while focused sends no event, so this stays true when focus was lost in the
 * panel, and turns false as soon as the person works in Trint's editor.
 */
let focusInPanel = false;
let tracking = false;

function trackFocus(doc: Document) {
  if (tracking) return;
  tracking = true;
  doc.addEventListener(
    'focusin',
    (event) => {
      focusInPanel = event
        .composedPath()
        .some((node) => (node as Element).localName === PANEL_HOST_TAG);
    },
    true,
  );
}

/**
 * When `key` changes (a contact linked or unlinked, the panel collapsed or expanded) the control
 * that had the focus is often gone, and keyboard users would be dropped at the top of the page.
 * Puts the focus on `target()` then, but only if the focus was lost: a change made elsewhere
 * (the background, another tab) never moves someone's focus. Inside the panel's shadow root,
 * "lost" also means the focus was in the panel: opening a linked transcript, or a link made in
 * another tab, never takes the focus from Trint's editor or page.
 */
export function useFocusWhenLost(key: unknown, target: () => HTMLElement | null | undefined) {
  const previous = useRef(key);
  useEffect(() => trackFocus(document), []);
  useEffect(() => {
    if (Object.is(previous.current, key)) return;
    previous.current = key;
    const element = target();
    if (!element) return;
    if (focusWasLost(element)) element.focus();
  }, [key]);
}

function focusWasLost(element: HTMLElement): boolean {
  const doc = element.ownerDocument;
  const root = element.getRootNode() as Document | ShadowRoot;
  if (root === doc) return !doc.activeElement || doc.activeElement === doc.body;
  if (root.activeElement || !focusInPanel) return false;
  const onPage = doc.activeElement;
  return !onPage || onPage === doc.body || onPage === (root as ShadowRoot).host;
}
