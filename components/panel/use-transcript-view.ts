import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorWords, sendMessage } from '@/utils/messaging/send-message';
import { tabMessageSchema } from '@/utils/messaging/tab-messages';
import type { TranscriptView } from '@/utils/sync/transcript-view';
import type { EditorPage } from '@/utils/trint/transcript-page';

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
 */
export function useTranscriptView(page: EditorPage): TranscriptViewState {
  const [state, setState] = useState<{ view?: TranscriptView; error?: string }>({});
  const [reads, setReads] = useState(0);
  const titleSent = useRef<string | undefined>(undefined);
  const { transcriptId } = page;
  useEffect(() => {
    if (reads === 0) return;
    let live = true;
    sendMessage('transcript/get', { transcriptId }).then(
      (view) => live && setState({ view }),
      (error: unknown) =>
        live && setState((previous) => ({ ...previous, error: messageOf(error) })),
    );
    return () => {
      live = false;
    };
  }, [reads]);
  useEffect(() => {
    let live = true;
    const show = (reading: Promise<TranscriptView>) =>
      reading.then(
        (view) => live && setState({ view }),
        (error: unknown) =>
          live && setState((previous) => ({ ...previous, error: messageOf(error) })),
      );
    setState({});
    titleSent.current = page.title;
    void show(
      sendMessage('transcript/opened', {
        transcriptId,
        ...(page.title && { title: page.title }),
        speakers: page.speakers,
      }),
    );
    const onMessage = (message: unknown) => {
      const parsed = tabMessageSchema.safeParse(message);
      if (!parsed.success || parsed.data.transcriptId !== transcriptId) return;
      void show(sendMessage('transcript/get', { transcriptId }));
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
    // Keyed by the transcript only: the title and speakers are sent once per transcript.
  }, [transcriptId]);
  // Trint renders a transcript's title after its URL: the record gets it when it appears.
  useEffect(() => {
    if (page.title === undefined || page.title === titleSent.current) return;
    titleSent.current = page.title;
    const payload = { transcriptId, title: page.title, speakers: page.speakers };
    sendMessage('transcript/opened', payload).catch(() => {});
  }, [transcriptId, page.title]);
  return {
    ...state,
    show: (view) => view.transcriptId === transcriptId && setState({ view }),
    reload: () => setReads((count) => count + 1),
  };
}

function messageOf(error: unknown): string {
  return errorWords(error, 'Could not read this transcript.');
}
