// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TranscriptPage } from '../transcript-page';
import { DOM_REREAD_MS, STALE_TEXT_MS, watchTranscriptPage } from '../transcript-page-watcher';
import { LOCATION_POLL_MS } from '../location-watcher';
import { TITLE_SELECTORS } from '../transcript-page';

describe('watchTranscriptPage', () => {
  let controller: AbortController;
  let pages: TranscriptPage[];

  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/editor/first');
    document.body.innerHTML = '<h1>First call</h1>';
    controller = new AbortController();
    pages = [];
    watchTranscriptPage(window, (page) => pages.push(page), controller.signal);
  });

  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  /** Lets MutationObserver callbacks (microtasks) run, then moves the fake clock. */
  async function advance(ms: number) {
    await Promise.resolve();
    vi.advanceTimersByTime(ms);
  }

  it('reports the starting page at once', () => {
    expect(pages).toMatchObject([{ transcriptId: 'first', title: 'First call', speakers: [] }]);
  });

  it('reports a new transcript id right after the URL changes', async () => {
    window.history.pushState(null, '', '/editor/second');
    await advance(LOCATION_POLL_MS);
    expect(pages.at(-1)?.transcriptId).toBe('second');
  });

  it('picks up a title rendered after the URL changed', async () => {
    window.history.pushState(null, '', '/editor/second');
    await advance(LOCATION_POLL_MS);
    document.body.innerHTML = '<h1>Second call</h1>';
    await advance(DOM_REREAD_MS);
    expect(pages.at(-1)).toMatchObject({
      transcriptId: 'second',
      title: 'Second call',
      speakers: [],
    });
  });

  it('does not take the previous transcript’s title and speakers, still on screen, for the new one’s', async () => {
    document.body.innerHTML = '<h1>First call</h1><span data-testid="speaker-name">Jane Doe</span>';
    await advance(DOM_REREAD_MS);
    window.history.pushState(null, '', '/editor/second');
    await advance(LOCATION_POLL_MS);
    expect(pages.at(-1)).toEqual({ transcriptId: 'second', speakers: [] });

    document.body.innerHTML =
      '<h1>Second call</h1><span data-testid="speaker-name">Ana Ruiz</span>';
    await advance(DOM_REREAD_MS);
    expect(pages.at(-1)).toMatchObject({
      transcriptId: 'second',
      title: 'Second call',
      speakers: ['Ana Ruiz'],
    });
    expect(
      pages.some((page) => page.transcriptId === 'second' && page.title === 'First call'),
    ).toBe(false);
  });

  it('reports the same speakers (a follow-up call) and the same title (a weekly meeting) soon after', async () => {
    document.body.innerHTML =
      '<h1>Weekly sync</h1><span data-testid="speaker-name">Jane Doe</span>';
    await advance(DOM_REREAD_MS);
    window.history.pushState(null, '', '/editor/second');
    await advance(LOCATION_POLL_MS);
    document.body.innerHTML =
      '<h1>Weekly sync</h1><span data-testid="speaker-name">Jane Doe</span><p>New text</p>';
    await advance(DOM_REREAD_MS);
    await advance(STALE_TEXT_MS);
    expect(pages.at(-1)).toMatchObject({
      transcriptId: 'second',
      title: 'Weekly sync',
      speakers: ['Jane Doe'],
    });
  });

  it('does not report DOM changes that alter nothing it reads', async () => {
    document.body.insertAdjacentHTML('beforeend', '<p>Some transcript text</p>');
    await advance(DOM_REREAD_MS * 2);
    expect(pages).toHaveLength(1);
  });

  it('reads at most once per quiet period during a burst of DOM changes', async () => {
    const reads = vi.spyOn(document, 'querySelector');
    for (let i = 0; i < 50; i++) {
      document.body.insertAdjacentHTML('beforeend', `<p>${i}</p>`);
      await Promise.resolve();
    }
    await advance(DOM_REREAD_MS);
    const callsPerRead = reads.mock.calls.length;
    expect(callsPerRead).toBeGreaterThan(0);
    // One read: at most one querySelector per title selector.
    expect(callsPerRead).toBeLessThanOrEqual(TITLE_SELECTORS.length);
  });

  it('stops after its signal aborts', async () => {
    controller.abort();
    window.history.pushState(null, '', '/editor/third');
    document.body.innerHTML = '<h1>Third</h1>';
    await advance(DOM_REREAD_MS + LOCATION_POLL_MS);
    expect(pages).toHaveLength(1);
  });
});
