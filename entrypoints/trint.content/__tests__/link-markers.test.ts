// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MessageError, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import { DOM_REREAD_MS } from '@/utils/trint/transcript-page-watcher';
import { LINK_MARKER_TAG, markLinkedTranscripts } from '../link-markers';

vi.mock('@/utils/messaging/send-trint-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-trint-message')>()),
  sendTrintMessage: vi.fn(),
}));
const send = vi.mocked(sendTrintMessage);

type Link = { transcriptId: string; contactName: string };
/** Answers links/find from `linked` (transcript id → contact name), for the ids asked only. */
function answer(linked: Record<string, string>) {
  send.mockImplementation(async (_type, payload) => {
    const { transcriptIds } = payload as { transcriptIds: string[] };
    const links: Link[] = transcriptIds
      .filter((id) => id in linked)
      .map((transcriptId) => ({ transcriptId, contactName: linked[transcriptId]! }));
    return { links } as never;
  });
}

let invalidate: (() => void)[] = [];
/**
 * The parts of WXT's context the markers use: timers that stop when the context is invalidated
 * (as WXT's do), and the invalidation itself.
 */
const ctx = {
  setTimeout(handler: () => void, ms: number) {
    const timer = window.setTimeout(handler, ms);
    invalidate.push(() => window.clearTimeout(timer));
    return timer;
  },
  onInvalidated: (callback: () => void) => void invalidate.push(callback),
  get signal() {
    const controller = new AbortController();
    invalidate.push(() => controller.abort());
    return controller.signal;
  },
  addEventListener(target: EventTarget, type: string, handler: EventListener) {
    target.addEventListener(type, handler);
    invalidate.push(() => target.removeEventListener(type, handler));
  },
} as unknown as ContentScriptContext;

/** Lets MutationObserver callbacks and answered messages run, then moves the fake clock. */
async function advance(ms = DOM_REREAD_MS) {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  vi.advanceTimersByTime(ms);
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
const start = async (skip: () => Element | undefined = () => undefined) => {
  markLinkedTranscripts(ctx, skip);
  await advance(0);
};
const markerAfter = (id: string) => {
  const next = document.getElementById(id)?.nextElementSibling;
  return next?.localName === LINK_MARKER_TAG ? next : undefined;
};
const markers = () => [...document.querySelectorAll(LINK_MARKER_TAG)];
const asks = () => send.mock.calls.map(([, payload]) => payload);

describe('markLinkedTranscripts', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    send.mockReset();
    document.body.innerHTML = `
      <ul>
        <li><a id="one" href="/editor/t1">Call with Jane</a></li>
        <li><a id="two" href="/editor/t2">Team sync</a></li>
        <li><a id="three" href="https://app.trint.com/editor/t3">Call with Hank</a></li>
      </ul>`;
  });
  afterEach(() => {
    for (const callback of invalidate) callback();
    invalidate = [];
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('asks once about the listed transcripts and marks the linked ones right after their link', async () => {
    answer({ t1: 'Jane Doe', t3: 'Hank Scorpio' });
    await start();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('links/find', { transcriptIds: ['t1', 't2', 't3'] });
    const jane = markerAfter('one');
    expect(jane?.getAttribute('aria-label')).toBe('Linked to GHL');
    expect(jane?.getAttribute('role')).toBe('img');
    expect(jane?.getAttribute('title')).toBe('Linked to GHL');
    expect(markerAfter('three')?.getAttribute('aria-label')).toBe('Linked to GHL');
    expect(markerAfter('two')).toBeUndefined();
    expect(markers()).toHaveLength(2);
  });

  it('asks about each transcript once, and marks every link to it', async () => {
    document.body.insertAdjacentHTML('beforeend', '<a id="again" href="/editor/t1">Again</a>');
    answer({ t1: 'Jane Doe' });
    await start();
    expect(asks()).toEqual([{ transcriptIds: ['t1', 't2', 't3'] }]);
    expect(markerAfter('one')).toBeTruthy();
    expect(markerAfter('again')).toBeTruthy();
  });

  it('keeps the contact’s name out of the page’s DOM, and a hostile name creates nothing', async () => {
    const hostile = '<img src=x onerror="alert(1)"><b>Jane</b>';
    answer({ t1: hostile, t3: 'Hank Scorpio' });
    await start();
    const marker = markerAfter('one')!;
    expect(marker.getAttribute('aria-label')).toBe('Linked to GHL');
    expect(marker.children).toHaveLength(0);
    expect(document.querySelectorAll('img, b')).toHaveLength(0);
    // No attribute or text the page can read names the contact.
    expect(document.documentElement.outerHTML).not.toMatch(/<b>|onerror|Scorpio/);
    // Its pill lives in a closed shadow root, out of the page's reach.
    expect(marker.shadowRoot).toBeNull();
  });

  it('does not ask again when only its own markers change the page', async () => {
    answer({ t1: 'Jane Doe', t3: 'Hank Scorpio' });
    await start();
    expect(markers()).toHaveLength(2);
    // The markers' insertion is a DOM change: the re-read after it finds the same list.
    await advance();
    await advance();
    expect(send).toHaveBeenCalledTimes(1);
    expect(markers()).toHaveLength(2);
  });

  it('does not ask again for an unrelated change, and keeps the markers', async () => {
    answer({ t1: 'Jane Doe' });
    await start();
    await advance();
    document.body.insertAdjacentHTML('beforeend', '<p>Loading more…</p>');
    await advance();
    expect(send).toHaveBeenCalledTimes(1);
    expect(markerAfter('one')).toBeTruthy();
  });

  it('asks again when the listed set changes, and marks the new link', async () => {
    answer({ t1: 'Jane Doe', t4: 'Ann Acme' });
    await start();
    await advance();
    document
      .querySelector('ul')!
      .insertAdjacentHTML('beforeend', '<li><a id="four" href="/editor/t4">Acme kickoff</a></li>');
    await advance();
    expect(asks()).toEqual([
      { transcriptIds: ['t1', 't2', 't3'] },
      { transcriptIds: ['t1', 't2', 't3', 't4'] },
    ]);
    expect(markerAfter('four')?.getAttribute('aria-label')).toBe('Linked to GHL');
    expect(markerAfter('one')).toBeTruthy();
  });

  it('re-reads the page at most once per pause, however many changes', async () => {
    answer({});
    await start();
    const list = document.querySelector('ul')!;
    list.insertAdjacentHTML('beforeend', '<li><a href="/editor/t4">4</a></li>');
    await advance(100);
    list.insertAdjacentHTML('beforeend', '<li><a href="/editor/t5">5</a></li>');
    await advance(DOM_REREAD_MS - 100);
    expect(asks()).toEqual([
      { transcriptIds: ['t1', 't2', 't3'] },
      { transcriptIds: ['t1', 't2', 't3', 't4', 't5'] },
    ]);
  });

  it('keeps a marker while the transcript stays linked, and removes it once unlinked', async () => {
    answer({ t1: 'Jane Doe' });
    await start();
    const first = markerAfter('one');
    const list = document.querySelector('ul')!;
    answer({ t1: 'Jane Roe' });
    list.insertAdjacentHTML('beforeend', '<li><a href="/editor/t4">4</a></li>');
    await advance();
    expect(markers()).toEqual([first]);
    answer({});
    list.insertAdjacentHTML('beforeend', '<li><a href="/editor/t5">5</a></li>');
    await advance();
    expect(markers()).toHaveLength(0);
  });

  it('a failed ask leaves the page as Trint drew it', async () => {
    const before = document.body.innerHTML;
    send.mockRejectedValue(new MessageError('unreachable', 'No background.'));
    await start();
    await advance();
    expect(send).toHaveBeenCalledTimes(1);
    expect(document.body.innerHTML).toBe(before);
  });

  it('asks nothing when the page lists no transcript', async () => {
    document.body.innerHTML = '<a href="/dashboard">Dashboard</a>';
    answer({});
    await start();
    await advance();
    expect(send).not.toHaveBeenCalled();
  });

  it('ignores links inside our own panel', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<aside id="panel"><a id="inside" href="/editor/t9">This transcript</a></aside>',
    );
    answer({ t1: 'Jane Doe', t9: 'Jane Doe' });
    await start(() => document.getElementById('panel') ?? undefined);
    expect(asks()).toEqual([{ transcriptIds: ['t1', 't2', 't3'] }]);
    expect(markerAfter('inside')).toBeUndefined();
  });

  it('stops watching the page once the content script is invalidated', async () => {
    answer({ t1: 'Jane Doe' });
    await start();
    for (const callback of invalidate) callback();
    document
      .querySelector('ul')!
      .insertAdjacentHTML('beforeend', '<li><a href="/editor/t4">4</a></li>');
    await advance();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('an older answer never replaces a newer one', async () => {
    const answers: ((links: Link[]) => void)[] = [];
    send.mockImplementation(
      () => new Promise((resolve) => answers.push((links) => resolve({ links } as never))),
    );
    await start();
    document
      .querySelector('ul')!
      .insertAdjacentHTML('beforeend', '<li><a id="four" href="/editor/t4">Acme kickoff</a></li>');
    await advance();
    expect(answers).toHaveLength(2);
    // The newer ask (t1-t4) is answered first, the older (t1-t3) late.
    answers[1]!([
      { transcriptId: 't1', contactName: 'Jane Doe' },
      { transcriptId: 't4', contactName: 'Ann Acme' },
    ]);
    await advance(0);
    answers[0]!([{ transcriptId: 't1', contactName: 'Jane Doe' }]);
    await advance(0);
    // Any later change re-places the markers from what was answered last.
    document.body.insertAdjacentHTML('beforeend', '<p>More</p>');
    await advance();
    expect(markerAfter('four')?.getAttribute('aria-label')).toBe('Linked to GHL');
  });

  it('asks again when the person comes back to the same list, so a link made meanwhile shows', async () => {
    answer({});
    await start();
    expect(markers()).toHaveLength(0);

    answer({ t2: 'Ann Acme' });
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await advance();
    expect(markerAfter('two')?.getAttribute('aria-label')).toBe('Linked to GHL');
    expect(asks()).toHaveLength(2);
  });
});
