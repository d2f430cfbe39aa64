import { useState } from 'preact/hooks';

/**
 * The first `few` of a list's items, and a "Show all" button for the rest: a long list of notes
 * or activity does not push everything under it off the panel. Showing all is not remembered.
 */
export function useShowAll<T>(items: T[], few: number) {
  const [all, setAll] = useState(false);
  const hidden = all ? 0 : Math.max(0, items.length - few);
  return {
    shown: hidden > 0 ? items.slice(0, few) : items,
    button: hidden > 0 && (
      <button type="button" class="panel__button panel__button--link" onClick={() => setAll(true)}>
        Show all ({items.length})
      </button>
    ),
  };
}
