import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/**
 * A small DOM harness for component tests (happy-dom): mount, let effects and storage reads
 * settle, find controls by their accessible name, and act on them as a person would.
 */
export async function mount(node: ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => render(node, container));
  return {
    container,
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

/** Lets pending promises, storage reads and re-renders run. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Retries `check` (which throws until true) while the page settles. */
export async function waitFor<T>(check: () => T): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return check();
    } catch (failure) {
      if (attempt >= 20) throw failure;
      await settle();
    }
  }
}

/** The accessible name of a control: aria-label, else its label, else its text. */
function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const id = element.getAttribute('id');
  const labelled = id && element.ownerDocument.querySelector(`label[for="${id}"]`);
  return (labelled || element).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The button named `name`; throws if there is none. */
export function button(container: Element, name: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? nameOf(b) === name : name.test(nameOf(b)),
  );
  if (!found) throw new Error(`No button named ${name}`);
  return found;
}

/** The input labelled `name`; throws if there is none. */
export function input(container: Element, name: string | RegExp): HTMLInputElement {
  const found = [...container.querySelectorAll('input')].find((i) =>
    typeof name === 'string' ? nameOf(i) === name : name.test(nameOf(i)),
  );
  if (!found) throw new Error(`No input named ${name}`);
  return found;
}

/** Clicks, and lets what follows settle. */
export async function click(element: HTMLElement): Promise<void> {
  await act(() => element.click());
  await settle();
}

/** Types `value` into an input, as one input event. */
export async function type(element: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The page's text, whitespace collapsed. */
export const textOf = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
