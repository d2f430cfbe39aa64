import { useLayoutEffect, useState } from 'preact/hooks';
import type { StoredItem } from '@/utils/storage/stored-item';
import { earlyStored } from './early-stored';

/**
 * A stored item's value (see utils/storage/), checked against its schema, kept current as the
 * background changes it. `undefined` until the first read. `select` makes what the component
 * needs of it (e.g. a failure only while fresh). An item read early (early-stored.ts) starts
 * with the value that read found, or waits for that read instead of starting another.
 */
export function useStorageValue<T, R = T>(
  item: Pick<StoredItem<T>, 'key' | 'read' | 'watch'>,
  select: (value: T) => R = (value) => value as unknown as R,
): R | undefined {
  const [value, setValue] = useState<R | undefined>(() => {
    const known = earlyStored(item)?.current();
    return known && select(known.value);
  });
  // A layout effect: the read starts as the component renders, not after the next paint.
  useLayoutEffect(() => {
    let live = true;
    // A change seen while the first read was on its way is newer than what that read answers.
    let changed = false;
    const unwatch = item.watch((next) => {
      changed = true;
      setValue(select(next));
    });
    const early = earlyStored(item);
    // Known already (this render shows it, and the watch above hears what changes after), or
    // on its way: the early read answers.
    if (!early?.current()) {
      void (early?.read ?? item.read()).then((stored) => {
        if (live && !changed) setValue(select(stored));
      });
    }
    return () => {
      live = false;
      unwatch();
    };
  }, [item.key]);
  return value;
}
