import { useLayoutEffect, useState } from 'preact/hooks';
import type { StoredItem } from '@/utils/storage/stored-item';

/**
 * A stored item's value (see utils/storage/), checked against its schema, kept current as the
 * background changes it. `undefined` until the first read. `select` makes what the component
 * needs of it (e.g. a failure only while fresh).
 */
export function useStorageValue<T, R = T>(
  item: Pick<StoredItem<T>, 'key' | 'read' | 'watch'>,
  select: (value: T) => R = (value) => value as unknown as R,
): R | undefined {
  const [value, setValue] = useState<R>();
  // A layout effect: the read starts as the component renders, not after the next paint.
  useLayoutEffect(() => {
    let live = true;
    // A change seen while the first read was on its way is newer than what that read answers.
    let changed = false;
    const unwatch = item.watch((next) => {
      changed = true;
      setValue(select(next));
    });
    void item.read().then((stored) => {
      if (live && !changed) setValue(select(stored));
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [item.key]);
  return value;
}
