// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCATION_POLL_MS, watchLocation } from '../location-watcher';

describe('watchLocation', () => {
  let controller: AbortController;
  let seen: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/editor/first');
    controller = new AbortController();
    seen = [];
    watchLocation(window, (href) => seen.push(new URL(href).pathname), controller.signal);
  });

  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('reports a pushState navigation within one poll', () => {
    window.history.pushState(null, '', '/editor/second');
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    expect(seen).toEqual(['/editor/second']);
  });

  it('reports back/forward at once through popstate', () => {
    window.history.pushState(null, '', '/editor/second');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toEqual(['/editor/second']);
  });

  it('reports each distinct URL once, in order', () => {
    for (const path of ['/editor/a', '/editor/b', '/trints']) {
      window.history.pushState(null, '', path);
      vi.advanceTimersByTime(LOCATION_POLL_MS);
    }
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(LOCATION_POLL_MS * 4);
    expect(seen).toEqual(['/editor/a', '/editor/b', '/trints']);
  });

  it('does not report the starting URL or a replace to the same URL', () => {
    window.history.replaceState(null, '', '/editor/first');
    vi.advanceTimersByTime(LOCATION_POLL_MS * 4);
    expect(seen).toEqual([]);
  });

  it('stops reporting once its signal aborts', () => {
    controller.abort();
    window.history.pushState(null, '', '/editor/after-abort');
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(LOCATION_POLL_MS * 4);
    expect(seen).toEqual([]);
  });
});
