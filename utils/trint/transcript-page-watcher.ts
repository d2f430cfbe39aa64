import { watchLocation } from './location-watcher';
import { readTranscriptPage, type TranscriptPage } from './transcript-page';

/**
 * A page re-read after DOM changes waits this long, so a busy editor (typing, playback
 * highlighting) costs at most a few cheap reads per second.
 */
export const DOM_REREAD_MS = 500;

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
  const read = () => {
    if (signal.aborted) return;
    const page = readTranscriptPage(win);
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
      if (timer !== undefined) win.clearTimeout(timer);
    },
    { once: true },
  );

  watchLocation(win, read, signal);
  read();
}
