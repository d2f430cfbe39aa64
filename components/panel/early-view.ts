import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';

/**
 * The transcript's view asked for as the content script starts, before the panel is mounted, so
 * the background's answer is on its way while the panel's host, shadow root and styles are put on
 * the page (the first paint's budget, issue 17). The panel takes it once, for its first read of
 * that transcript; any later read asks anew.
 */
let early: { transcriptId: string; view: Promise<TranscriptView> } | undefined;

/** Asks the background for the transcript's view now (see the file's comment). */
export function askViewEarly(transcriptId: string): void {
  const view = sendTrintMessage('transcript/get', { transcriptId });
  // A failure is the panel's to show when it takes the answer; unhandled until then is noise.
  view.catch(() => {});
  early = { transcriptId, view };
}

/** The early answer for this transcript, once; undefined when none was asked or it was taken. */
export function takeEarlyView(transcriptId: string): Promise<TranscriptView> | undefined {
  if (early?.transcriptId !== transcriptId) return undefined;
  const { view } = early;
  early = undefined;
  return view;
}
