/**
 * How often the URL is compared when no event announced a change. Trint is a single-page app:
 * its `history.pushState` calls run in the page's JavaScript world, which a content script's
 * isolated world cannot hook, and `popstate` only fires for back/forward. The Navigation API
 * reports pushes where the browser has it; this poll is the fallback everywhere else.
 */
export const LOCATION_POLL_MS = 250;

type NavigationLike = Pick<EventTarget, 'addEventListener'>;
type WatchedWindow = Pick<
  Window,
  'location' | 'addEventListener' | 'setInterval' | 'clearInterval'
> & {
  navigation?: NavigationLike;
};

/**
 * Calls `onChange(href)` whenever the window's URL changes (push, replace, back/forward, hash),
 * once per distinct URL, until `signal` aborts. It does not call back for the starting URL.
 */
export function watchLocation(
  win: WatchedWindow,
  onChange: (href: string) => void,
  signal: AbortSignal,
): void {
  let lastHref = win.location.href;
  const check = () => {
    if (signal.aborted) return;
    const href = win.location.href;
    if (href === lastHref) return;
    lastHref = href;
    onChange(href);
  };

  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  win.navigation?.addEventListener('currententrychange', check, { signal });
  const timer = win.setInterval(check, LOCATION_POLL_MS);
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
}
