// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';
import { useFocusWhenLost } from '../use-focus-when-lost';

/** Shows a button per state; the heading is the stable place focus should land on. */
function Swapper({ state, root = document }: { state: 'a' | 'b'; root?: ParentNode }) {
  useFocusWhenLost(state, () => root.querySelector<HTMLElement>('h2'));
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

describe('useFocusWhenLost in the panel’s shadow root on a Trint page', () => {
  const host = document.createElement(PANEL_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const mount = document.createElement('div');
  shadow.append(mount);
  const editor = document.createElement('textarea');
  editor.setAttribute('aria-label', 'Trint editor');
  document.body.append(editor, host);
  const showIn = (state: 'a' | 'b') =>
    act(() => render(<Swapper state={state} root={shadow} />, mount));
  afterEach(() => act(() => render(null, mount)));

  it('moves the focus to the target when the panel’s focused control went away', async () => {
    await showIn('a');
    const link = shadow.querySelector('button')!;
    link.focus();
    link.remove(); // as when Link is pressed: the button goes, nothing else gets the focus
    (document.activeElement as HTMLElement | null)?.blur();
    await showIn('b');
    expect(shadow.activeElement?.textContent).toBe('Heading');
  });

  it('never takes the focus from Trint’s editor when the panel changes on its own', async () => {
    await showIn('a');
    editor.focus();
    await showIn('b');
    expect(document.activeElement).toBe(editor);
    expect(shadow.activeElement).toBeNull();
  });

  it('does not focus the panel when the page had no focus in it (a linked transcript opening)', async () => {
    await showIn('a');
    editor.focus();
    editor.blur();
    await showIn('b');
    expect(shadow.activeElement).toBeNull();
  });
});
