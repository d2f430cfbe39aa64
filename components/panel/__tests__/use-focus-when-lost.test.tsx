// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useFocusWhenLost } from '../use-focus-when-lost';

/** Shows a button per state; the heading is the stable place focus should land on. */
function Swapper({ state }: { state: 'a' | 'b' }) {
  useFocusWhenLost(state, () => document.querySelector<HTMLElement>('h2'));
  return (
    <div>
      <h2 tabIndex={-1}>Heading</h2>
      <input aria-label="Elsewhere" />
      {state === 'a' ? <button key="link">Link</button> : <button key="unlink">Unlink</button>}
    </div>
  );
}

const container = document.createElement('div');
document.body.append(container);
const show = (state: 'a' | 'b') => act(() => render(<Swapper state={state} />, container));

describe('useFocusWhenLost', () => {
  afterEach(() => act(() => render(null, container)));

  it('puts the focus on the target when the focused control went away', async () => {
    await show('a');
    container.querySelector('button')!.focus();
    await show('b');
    expect(document.activeElement?.textContent).toBe('Heading');
  });

  it('leaves the focus where the person put it when it was not lost', async () => {
    await show('a');
    container.querySelector('input')!.focus();
    await show('b');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Elsewhere');
  });

  it('does nothing on the first render', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    await show('a');
    expect(document.activeElement).toBe(document.body);
  });
});
