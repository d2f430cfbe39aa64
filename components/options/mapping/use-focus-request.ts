import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Puts the focus, after the next render, on the first enabled element inside `container` whose
 * `data-focus` is one of the keys asked for, in order. A keyboard user keeps their place when a
 * rule moves or goes (the button they pressed may have moved, been disabled or removed).
 */
export function useFocusRequest<T extends HTMLElement>() {
  const container = useRef<T>(null);
  const [keys, setKeys] = useState<string[]>();
  useEffect(() => {
    if (!keys) return;
    const target = keys
      .map((key) => container.current?.querySelector<HTMLElement>(`[data-focus="${key}"]`))
      .find((element) => element && !(element as HTMLButtonElement).disabled);
    target?.focus();
    setKeys(undefined);
  }, [keys]);
  return { container, focus: setKeys };
}
