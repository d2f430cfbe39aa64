import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorWords, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import { tabMessageSchema } from '@/utils/messaging/tab-messages';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { takeEarlyView } from './early-view';

/** The panel's data: the transcript's view from the cache, or why it could not be read. */
export interface TranscriptViewState {
  view?: TranscriptView;
  error?: string;
  /** Shows a view the background just answered (after linking, say) without reading it again. */
  show(view: TranscriptView): void;
  /** Reads the view again, e.g. after a write was queued or to retry a failed read. */
  reload(): void;
}

/**
 * Tells the background this transcript is on screen (which refreshes its contact at once and
 * puts it in the fastest sync tier), paints what the cache holds, and reads it again whenever the
 * background says the transcript changed. Follows SPA navigation: a new transcript id starts over.
 *
 * Reads can be answered out of order (a reload, the background's notices, a navigation): an answer
 * is shown only if no later read's answer is on screen, and only while its transcript is the one
 * on screen, so the panel never shows another transcript's data or an older state of this one.
 */
export function useTranscriptView(page: EditorPage): TranscriptViewState {
  const [state, setState] = useState<{ view?: TranscriptView; error?: string }>({});
  const latestRead = useRef(0);
  /** The read whose answer is on screen: an answer older than it is never shown. */
  const shownRead = useRef(0);
  const onScreen = useRef(page.transcriptId);
  const titleSent = useRef<string | undefined>(undefined);
  const { transcriptId } = page;
  onScreen.current = transcriptId;

  function read(reading: Promise<TranscriptView>): void {
    const mine = ++latestRead.current;
    reading.then(
      (view) => {
        if (mine > shownRead.current && view.transcriptId === onScreen.current) {
          shownRead.current = mine;
          // The same view again (`transcript/opened` answers what `transcript/get` just did) is
          // not rendered again: that render would hold up the first card's paint.
          setState((previous) =>
            previous.view && !previous.error && sameView(previous.view, view) ? previous : { view },
          );
        }
      },
      (error: unknown) => {
        if (mine !== latestRead.current) return;
        setState((previous) => ({
          ...previous,
          error: errorWords(error, 'Could not read this transcript.'),
        }));
      },
    );
  }

  // A layout effect: the read goes out as the panel renders, not a frame later (Preact runs
  // plain effects after the next paint), which is most of the wait for the first card.
  useLayoutEffect(() => {
    setState({});
    titleSent.current = page.title;
    // Paint from the cache first: a plain read is answered without waiting for the visit to be
    // recorded, which `transcript/opened` does before it reads (the answer that follows wins).
    // The content script may have asked already, before the panel was mounted (early-view.ts).
    read(takeEarlyView(transcriptId) ?? sendTrintMessage('transcript/get', { transcriptId }));
    read(
      sendTrintMessage('transcript/opened', {
        transcriptId,
        ...(page.title && { title: page.title }),
        speakers: page.speakers,
      }),
    );
    const onMessage = (message: unknown) => {
      const parsed = tabMessageSchema.safeParse(message);
      if (!parsed.success || parsed.data.transcriptId !== transcriptId) return;
      read(sendTrintMessage('transcript/get', { transcriptId }));
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
    // Keyed by the transcript only: the title and speakers are sent once per transcript.
  }, [transcriptId]);

  // Trint renders a transcript's title after its URL: the record gets it when it appears.
  useEffect(() => {
    if (page.title === undefined || page.title === titleSent.current) return;
    titleSent.current = page.title;
    const payload = { transcriptId, title: page.title, speakers: page.speakers, again: true };
    sendTrintMessage('transcript/opened', payload).catch(() => {});
  }, [transcriptId, page.title]);

  return {
    ...state,
    show: (view) => {
      if (view.transcriptId !== onScreen.current) return;
      // A read still on its way is older than this answer.
      latestRead.current += 1;
      shownRead.current = latestRead.current;
      setState({ view });
    },
    reload: () => read(sendTrintMessage('transcript/get', { transcriptId: onScreen.current })),
  };
}

/** Whether two answers show the same: both are plain data, built by the same code. */
function sameView(a: TranscriptView, b: TranscriptView): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
