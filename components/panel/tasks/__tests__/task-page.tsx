import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { mount } from '@/components/sync/__tests__/render-page';
import { PanelActionsContext, type PanelActions } from '../../panel-actions';
import type { PanelTask, Shown } from '../../panel-records';
import { TaskSection } from '../task-section';
import { NamesContext } from '../../use-names';
import type { Names } from '@/utils/messaging/trint-answers';

/** A task as the cache would give it, with `change` applied. */
export const task = (change: Partial<PanelTask> = {}): PanelTask => ({
  id: 't1',
  title: 'Send proposal',
  dueDate: '2025-01-20T09:00:00.000Z',
  completed: false,
  ...change,
});

/** Mounts the Tasks section inside a panel shell's actions, whose `write` and `announce` are spies. */
export async function showTasks(
  tasks: Shown<PanelTask>[],
  change: Partial<Pick<PanelActions, 'canWrite' | 'write'>> = {},
  /** The location's names, as the panel shell provides them (none: ids, as without scopes). */
  names?: Names,
) {
  const actions = {
    transcriptId: 'tr-1',
    canWrite: true,
    online: true,
    write: vi.fn<PanelActions['write']>(async () => true),
    announce: vi.fn<PanelActions['announce']>(),
    ...change,
  };
  const section = (shown: Shown<PanelTask>[]) => (
    <NamesContext.Provider value={names}>
      <PanelActionsContext.Provider value={actions}>
        <TaskSection tasks={shown} contactId="c-1" />
      </PanelActionsContext.Provider>
    </NamesContext.Provider>
  );
  const page = await mount(section(tasks));
  /** Draws the section again with `next`, as after a sync refreshed the cached tasks. */
  const rerender = (next: Shown<PanelTask>[]) => act(() => render(section(next), page.container));
  return {
    ...page,
    rerender,
    actions,
    write: vi.mocked(actions.write),
    announce: actions.announce,
  };
}

/** The input or textarea labelled `name` (a `label[for]`); throws if there is none. */
export function field(container: Element, name: string): HTMLInputElement | HTMLTextAreaElement {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === name);
  const found = label && container.querySelector(`[id="${label.htmlFor}"]`);
  if (!found) throw new Error(`No field labelled ${name}`);
  return found as HTMLInputElement | HTMLTextAreaElement;
}

/** Types into the field labelled `name`, as one input event. */
export async function fill(container: Element, name: string, value: string): Promise<void> {
  const element = field(container, name);
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Presses a key on `element` (bubbling, as a keyboard would). */
export async function press(element: Element, key: string): Promise<void> {
  await act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}
