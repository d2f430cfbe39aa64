import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * A storage.local value, parsed, kept current as the background changes it. `undefined` until the
 * first read. `parse` gets the raw stored value (or undefined) and decides what it means.
 */
export function useStorageValue<T>(key: string, parse: (raw: unknown) => T): T | undefined {
  const [value, setValue] = useState<T>();
  // A layout effect: the read starts as the component renders, not after the next paint.
  useLayoutEffect(() => {
    let live = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setValue(parse(changes[key]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.local.get(key).then((stored) => {
      if (live) setValue(parse(stored[key]));
    });
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key]);
  return value;
}
