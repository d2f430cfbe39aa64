// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { askViewEarly, takeEarlyView } from '../early-view';
import { useTranscriptView, type TranscriptViewState } from '../use-transcript-view';

vi.mock('@/utils/messaging/send-trint-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-trint-message')>()),
  sendTrintMessage: vi.fn(),
}));
const send = vi.mocked(sendTrintMessage);

/** A view of a transcript, told apart by its title. */
const viewOf = (transcriptId: string, title: string): TranscriptView => ({
  transcriptId,
  title,
  tasks: [],
  notes: [],
  appointments: [],
  activity: [],
  pending: [],
});

/** Each message, answered when the test says. */
let asked: { type: string; answer(view: TranscriptView): Promise<void> }[] = [];
let state: TranscriptViewState | undefined;
const container = document.createElement('div');

function Probe({ page }: { page: EditorPage }) {
  state = useTranscriptView(page);
  return null;
}
const page = (transcriptId: string): EditorPage => ({
  transcriptId,
  title: undefined,
  speakers: [],
});
const show = (transcriptId: string) =>
  act(() => render(<Probe page={page(transcriptId)} />, container));

describe('useTranscriptView: answers that come back out of order', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    send.mockImplementation(
      (type) =>
        new Promise((resolve) => {
          asked.push({
            type,
            answer: (view) => act(async () => resolve(view as never)),
          });
        }) as never,
    );
  });
  afterEach(() => act(() => render(null, container)));

  it('never shows the previous transcript’s answer after moving to another', async () => {
    await show('tr-a');
    state!.reload();
    await show('tr-b');
    expect(asked.map((a) => a.type)).toEqual([
      'transcript/get',
      'transcript/opened',
      'transcript/get',
      'transcript/get',
      'transcript/opened',
    ]);
    const [paintA, openedA, reloadA, paintB, openedB] = asked;
    await openedB!.answer(viewOf('tr-b', 'B'));
    await paintB!.answer(viewOf('tr-b', 'B, from the cache before the visit'));
    await reloadA!.answer(viewOf('tr-a', 'A, reloaded'));
    await openedA!.answer(viewOf('tr-a', 'A'));
    await paintA!.answer(viewOf('tr-a', 'A, from the cache'));
    expect(state?.view?.title).toBe('B');
  });

  it('shows the latest read, not an older one answered last', async () => {
    await show('tr-a');
    await asked[1]!.answer(viewOf('tr-a', 'first'));
    state!.reload();
    state!.reload();
    const [, , older, newer] = asked;
    await newer!.answer(viewOf('tr-a', 'newer'));
    await older!.answer(viewOf('tr-a', 'older, still pending'));
    expect(state?.view?.title).toBe('newer');
  });

  it('paints the cache’s answer before transcript/opened has recorded the visit, then shows that', async () => {
    await show('tr-a');
    const [paint, opened] = asked;
    await paint!.answer(viewOf('tr-a', 'from the cache'));
    expect(state?.view?.title).toBe('from the cache');
    await opened!.answer(viewOf('tr-a', 'after the visit'));
    expect(state?.view?.title).toBe('after the visit');
  });

  it('keeps transcript/opened’s answer when the paint read comes back after it', async () => {
    await show('tr-a');
    const [paint, opened] = asked;
    await opened!.answer(viewOf('tr-a', 'after the visit'));
    await paint!.answer(viewOf('tr-a', 'from the cache, late'));
    expect(state?.view?.title).toBe('after the visit');
  });
});

describe('useTranscriptView: the first paint', () => {
  let renders = 0;
  function Counting({ page }: { page: EditorPage }) {
    state = useTranscriptView(page);
    renders += 1;
    return null;
  }
  const showCounting = (transcriptId: string) =>
    act(() => render(<Counting page={page(transcriptId)} />, container));

  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    renders = 0;
    send.mockImplementation(
      (type) =>
        new Promise((resolve) => {
          asked.push({ type, answer: (view) => act(async () => resolve(view as never)) });
        }) as never,
    );
  });
  afterEach(() => act(() => render(null, container)));

  it('takes the view the content script asked for before mounting, once', async () => {
    askViewEarly('tr-a');
    await showCounting('tr-a');
    // The early ask is the first read: the panel asks only for the visit.
    expect(asked.map((a) => a.type)).toEqual(['transcript/get', 'transcript/opened']);
    await asked[0]!.answer(viewOf('tr-a', 'A, asked early'));
    expect(state?.view?.title).toBe('A, asked early');
    // Taken: another transcript, or the same one later, is asked for anew.
    expect(takeEarlyView('tr-a')).toBeUndefined();
    state!.reload();
    expect(asked.map((a) => a.type)).toEqual([
      'transcript/get',
      'transcript/opened',
      'transcript/get',
    ]);
  });

  it('does not render an answer again that shows the same as the one on screen', async () => {
    await showCounting('tr-a');
    const [paint, opened] = asked;
    await paint!.answer(viewOf('tr-a', 'A'));
    const afterFirst = renders;
    await opened!.answer(viewOf('tr-a', 'A'));
    expect(renders).toBe(afterFirst);
    state!.reload();
    await asked[2]!.answer(viewOf('tr-a', 'A, renamed'));
    expect(renders).toBe(afterFirst + 1);
    expect(state?.view?.title).toBe('A, renamed');
  });
});
