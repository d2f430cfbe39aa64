import type { StoredItem } from '@/utils/storage/stored-item';

/**
 * Stored values read before the components that show them mount, and kept current from then on.
 * The Trint panel reads its connection status, layout and sections as the content script starts
 * (entrypoints/trint.content), alongside the transcript's view: each answer that came after the
 * view made the whole panel render again, and those renders held up the card's first paint
 * (issue 17). With the values known when the view comes, that render is the only one.
 */
export interface EarlyStored<T> {
  /** The value as last read or changed, once the first read answered. */
  current(): { value: T } | undefined;
  /** The first read. */
  read: Promise<T>;
}

const early = new Map<string, EarlyStored<unknown>>();

/**
 * Starts reading `items` now, and follows their changes until `signal` aborts. A second call for
 * an item already read early does nothing.
 */
export function readStoredEarly(
  items: readonly Pick<StoredItem<unknown>, 'key' | 'read' | 'watch'>[],
  signal: AbortSignal,
): void {
  for (const item of items) {
    if (early.has(item.key)) continue;
    let held: { value: unknown } | undefined;
    // Watched before the read starts: a change while it is on its way is newer than its answer.
    const unwatch = item.watch((value) => {
      held = { value };
    });
    const read = item.read().then((value) => {
      held ??= { value };
      return held.value;
    });
    read.catch(() => {});
    early.set(item.key, { current: () => held, read });
    signal.addEventListener(
      'abort',
      () => {
        unwatch();
        early.delete(item.key);
      },
      { once: true },
    );
  }
}

/** The early read of `item`, if it was started (and not stopped). */
export function earlyStored<T>(item: Pick<StoredItem<T>, 'key'>): EarlyStored<T> | undefined {
  return early.get(item.key) as EarlyStored<T> | undefined;
}
