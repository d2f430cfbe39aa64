import { watchLocation } from './location-watcher';
import { readTranscriptPage, type TranscriptPage } from './transcript-page';

/**
 * A page re-read after DOM changes waits this long, so a busy editor (typing, playback
 * highlighting) costs at most a few cheap reads per second.
 */
export const DOM_REREAD_MS = 500;
/**
 * How long after moving to another transcript a title or speakers equal to the previous one's are
 * taken for the old page still on screen (Trint renders the new one a moment after the URL).
 */
export const STALE_TEXT_MS = 2000;

type WatchedWindow = Parameters<typeof watchLocation>[0] &
  Pick<Window, 'document' | 'setTimeout' | 'clearTimeout'> & {
    MutationObserver: typeof MutationObserver;
  };

/**
 * Calls `onChange(page)` with the current page at once, then whenever what the extension reads
 * from it changes: immediately after a URL change, and after {@link DOM_REREAD_MS} of DOM changes
 * (Trint renders a new transcript's title and speakers some time after the URL moved).
 * Stops when `signal` aborts.
 */
export function watchTranscriptPage(
  win: WatchedWindow,
  onChange: (page: TranscriptPage) => void,
  signal: AbortSignal,
): void {
  let last = '';
  let shown: TranscriptPage | undefined;
  /** The previous transcript's title and speakers, while the page may still show them. */
  let previous: TranscriptPage | undefined;
  let staleTimer: ReturnType<Window['setTimeout']> | undefined;
  const read = () => {
    if (signal.aborted) return;
    const fresh = readTranscriptPage(win);
    if (shown && fresh.transcriptId !== shown.transcriptId) {
      previous = shown;
      // A follow-up call may really have the same speakers, a weekly meeting the same title:
      // after a short while, what the page shows is this transcript's, whatever it is.
      if (staleTimer !== undefined) win.clearTimeout(staleTimer);
      staleTimer = win.setTimeout(() => {
        staleTimer = undefined;
        previous = undefined;
        read();
      }, STALE_TEXT_MS);
    }
    const page = previous ? withoutStaleText(fresh, previous) : fresh;
    // Once the page shows other text, the previous transcript is gone from it.
    if (previous && page.title !== undefined && page.speakers.length > 0) previous = undefined;
    shown = page;
    const key = JSON.stringify(page);
    if (key === last) return;
    last = key;
    onChange(page);
  };

  let timer: ReturnType<Window['setTimeout']> | undefined;
  const readSoon = () => {
    timer ??= win.setTimeout(() => {
      timer = undefined;
      read();
    }, DOM_REREAD_MS);
  };
  const observer = new win.MutationObserver(readSoon);
  observer.observe(win.document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (staleTimer !== undefined) win.clearTimeout(staleTimer);
      if (timer !== undefined) win.clearTimeout(timer);
    },
    { once: true },
  );

  watchLocation(win, read, signal);
  read();
}

/**
 * Right after the URL moves to another transcript, the page still shows the previous one's title
 * and speakers until Trint renders the new one: text equal to the previous transcript's is not
 * this transcript's yet, so it is left out rather than reported (and suggested from).
 */
function withoutStaleText(page: TranscriptPage, previous: TranscriptPage): TranscriptPage {
  const sameSpeakers =
    page.speakers.length > 0 && page.speakers.join('\n') === previous.speakers.join('\n');
  return {
    ...page,
    ...(page.title === previous.title && { title: undefined, titleRule: undefined }),
    ...(sameSpeakers && { speakers: [], speakersRule: undefined }),
  };
}
