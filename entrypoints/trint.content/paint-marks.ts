/**
 * Performance marks of the panel's first paint, read by the benchmarks (bench/browser/):
 * `ghl:content-start` when the content script's main starts, `ghl:panel-mounted` when the panel's
 * shadow root is on the page, styled, `ghl:card-painted` each time the linked contact's
 * card first shows a transcript's contact. Chromium's content-script world
 * shares the page's performance timeline, so the page (and a benchmark evaluating in it) reads
 * them with `performance.getEntriesByName`.
 */
export const CONTENT_START_MARK = 'ghl:content-start';
export const PANEL_MOUNTED_MARK = 'ghl:panel-mounted';
export const CARD_PAINTED_MARK = 'ghl:card-painted';

/**
 * The contact card once it shows the contact's fields: the region the e2e tests find by name,
 * with at least one value. A card without fields is a link whose contact the cache does not
 * hold yet ("Unnamed contact"), not a useful paint.
 */
const CARD_WITH_FIELDS = 'section[aria-label^="Contact "] dd';

/**
 * Marks {@link CARD_PAINTED_MARK} once per transcript shown: `expect(id)` arms a MutationObserver
 * on the panel's shadow root that disconnects after its first hit. A card still on screen from
 * the previous transcript does not count: the mark waits for it to go (the panel clears its view
 * on navigation) and for the next one to appear. Nothing in components/ knows about it.
 */
export function createCardPaintMarks(root: ShadowRoot, signal: AbortSignal) {
  let armedFor: string | undefined;
  let observer: MutationObserver | undefined;
  signal.addEventListener('abort', () => observer?.disconnect(), { once: true });

  return {
    /** The panel now shows `transcriptId`: mark its card's first paint (once per transcript). */
    expect(transcriptId: string) {
      if (signal.aborted || transcriptId === armedFor) return;
      armedFor = transcriptId;
      observer?.disconnect();
      let previousGone = root.querySelector(CARD_WITH_FIELDS) === null;
      const mine = new MutationObserver(() => {
        const shown = root.querySelector(CARD_WITH_FIELDS) !== null;
        if (!previousGone) previousGone = !shown;
        if (!previousGone || !shown) return;
        mine.disconnect();
        // A mutation is not yet a paint: the frame that draws it runs its animation callbacks,
        // then paints; a task queued from there runs once that frame is done.
        requestAnimationFrame(() => setTimeout(() => performance.mark(CARD_PAINTED_MARK), 0));
      });
      mine.observe(root, { childList: true, subtree: true, characterData: true });
      observer = mine;
    },
  };
}
