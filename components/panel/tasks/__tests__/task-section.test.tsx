// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { button, click, textOf } from '@/components/sync/__tests__/render-page';
import { formatDayTime } from '../../panel-dates';
import { asTask, type PanelTask, type Shown } from '../../panel-records';
import { showTasks, task } from './task-page';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const shown = (change: Partial<PanelTask>, pending?: Shown<PanelTask>['pending']) => ({
  record: task(change),
  pending,
});

let unmount = () => {};
async function show(...args: Parameters<typeof showTasks>) {
  const page = await showTasks(...args);
  unmount = page.unmount;
  return page;
}
const titles = (list: Element | null) =>
  [...(list?.querySelectorAll('.task__title') ?? [])].map((t) => t.textContent);

describe('TaskSection: listing', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    unmount();
    vi.useRealTimers();
  });

  it('lists open tasks soonest first with overdue ones marked in words, then completed ones', async () => {
    const { container } = await show([
      shown({ id: 'a', title: 'Archive call', completed: true }),
      shown({ id: 'b', title: 'Book demo', dueDate: '2025-01-22T09:00:00.000Z' }),
      shown({ id: 'c', title: 'Chase invoice', dueDate: '2025-01-10T09:00:00.000Z' }),
    ]);
    const section = container.querySelector('section')!;
    const heading = section.querySelector(`[id="${section.getAttribute('aria-labelledby')}"]`);
    expect(heading?.tagName).toBe('H3');
    expect(textOf(heading!)).toBe('Tasks');
    expect(textOf(section)).toContain('2 open');
    expect(titles(section.querySelector('[aria-label="Open tasks"]'))).toEqual([
      'Chase invoice',
      'Book demo',
    ]);
    expect(titles(section.querySelector('[aria-label="Completed tasks"]'))).toEqual([
      'Archive call',
    ]);
    const [late, next] = section.querySelectorAll('[aria-label="Open tasks"] li');
    expect(textOf(late!)).toContain(`Due ${formatDayTime('2025-01-10T09:00:00.000Z')} Overdue`);
    expect(textOf(next!)).not.toContain('Overdue');
    expect(late!.querySelector('time')?.getAttribute('datetime')).toBe('2025-01-10T09:00:00.000Z');
  });

  it('shows a task GHL sent without title or status as an open "Untitled task" (issue 19)', async () => {
    const { container } = await show([{ record: asTask({ id: 'bare' }) }]);
    expect(titles(container.querySelector('[aria-label="Open tasks"]'))).toEqual(['Untitled task']);
    expect(button(container, 'Complete task ‘Untitled task’')).toBeTruthy();
  });

  it('says there are no tasks yet and offers Add task, unless read-only', async () => {
    const writable = await show([]);
    expect(textOf(writable.container)).toContain('No tasks for this contact yet.');
    expect(button(writable.container, 'Add task')).toBeTruthy();
    unmount();
    const readOnly = await show([], { canWrite: false });
    expect(textOf(readOnly.container)).toContain('No tasks for this contact yet.');
    expect(readOnly.container.querySelectorAll('button:not(.panel__disclosure)')).toHaveLength(0);
  });

  it('read-only: shows tasks without any create, edit, complete or delete control', async () => {
    const { container } = await show(
      [shown({ id: 'a' }), shown({ id: 'b', title: 'Done', completed: true })],
      { canWrite: false },
    );
    expect(titles(container)).toEqual(['Send proposal', 'Done']);
    expect(
      container.querySelectorAll('button:not(.panel__disclosure), input, textarea, form'),
    ).toHaveLength(0);
  });

  it('marks pending writes and disables the controls of those tasks', async () => {
    const { container } = await show([
      shown({ id: 's', title: 'Saving one' }, 'saving'),
      shown({ id: 'd', title: 'Deleting one', dueDate: '2025-01-21T09:00:00.000Z' }, 'deleting'),
      shown({ id: 'pending-j1', title: 'New one', dueDate: '2025-01-22T09:00:00.000Z' }),
      shown({ id: 'r', title: 'Ready one', dueDate: '2025-01-23T09:00:00.000Z' }),
    ]);
    const [saving, deleting, created, ready] = container.querySelectorAll('li');
    expect(saving!.classList).toContain('panel__item--pending');
    expect(textOf(saving!)).toContain('Saving…');
    expect(deleting!.classList).toContain('panel__item--pending');
    expect(textOf(deleting!)).toContain('Deleting…');
    expect(ready!.classList).not.toContain('panel__item--pending');
    for (const item of [saving!, deleting!, created!]) {
      const buttons = [...item.querySelectorAll('button')];
      expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
        expect.stringMatching(/^Complete task ‘/),
        expect.stringMatching(/^Edit task ‘/),
        expect.stringMatching(/^Delete task ‘/),
      ]);
      expect(buttons.every((b) => b.disabled)).toBe(true);
    }
    expect([...ready!.querySelectorAll('button')].some((b) => b.disabled)).toBe(false);
  });

  it('renders a hostile title and description as text, creating no element from them', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = await show([shown({ title: hostile, body: `<b>${hostile}</b>` })]);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.querySelector('.task__title')?.textContent).toBe(hostile);
    expect(container.querySelector('.task__body')?.textContent).toBe(`<b>${hostile}</b>`);
    expect(button(container, `Complete task ‘${hostile}’`)).toBeTruthy();
  });
});

describe('TaskSection: complete, reopen and delete', () => {
  afterEach(() => unmount());

  it('completes an open task and reopens a completed one, and says so', async () => {
    const page = await show([
      shown({ id: 'open1', title: 'Send proposal' }),
      shown({ id: 'done1', title: 'Call back', completed: true }),
    ]);
    await click(button(page.container, 'Complete task ‘Send proposal’'));
    expect(page.write).toHaveBeenLastCalledWith({
      kind: 'task.complete',
      contactId: 'c-1',
      taskId: 'open1',
      completed: true,
    });
    expect(page.announce).toHaveBeenLastCalledWith(
      'Task ‘Send proposal’ completed — sending to GHL',
      'status',
    );
    await click(button(page.container, 'Reopen task ‘Call back’'));
    expect(page.write).toHaveBeenLastCalledWith({
      kind: 'task.complete',
      contactId: 'c-1',
      taskId: 'done1',
      completed: false,
    });
    expect(page.announce).toHaveBeenLastCalledWith(
      'Task ‘Call back’ reopened — sending to GHL',
      'status',
    );
  });

  it('deletes only after a confirmation that names the task', async () => {
    const page = await show([shown({ id: 'open1', title: 'Send proposal' })]);
    await click(button(page.container, 'Delete task ‘Send proposal’'));
    expect(page.write).not.toHaveBeenCalled();
    const confirm = page.container.querySelector('[role="group"]')!;
    expect(confirm.getAttribute('aria-label')).toBe('Confirm: delete task ‘Send proposal’');
    expect(textOf(confirm)).toContain('Delete task ‘Send proposal’?');
    await click(button(page.container, 'Cancel'));
    expect(page.write).not.toHaveBeenCalled();

    await click(button(page.container, 'Delete task ‘Send proposal’'));
    await click(button(page.container, 'Yes, delete'));
    expect(page.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'task.delete',
      contactId: 'c-1',
      taskId: 'open1',
    });
    expect(page.announce).toHaveBeenCalledWith(
      'Task ‘Send proposal’ deleted — sending to GHL',
      'status',
    );
  });

  it('puts the focus on the Tasks heading at once when a delete is confirmed', async () => {
    // The Delete button is disabled as soon as the write is pending: focus must not go back to it.
    const page = await show([shown({ id: 'open1' })], {
      write: vi.fn(() => new Promise<boolean>(() => {})),
    });
    await click(button(page.container, 'Delete task ‘Send proposal’'));
    await click(button(page.container, 'Yes, delete'));
    expect(page.write).toHaveBeenCalledOnce();
    expect(textOf(document.activeElement!)).toBe('Tasks');
  });

  it('announces nothing when the write is refused (the shell already said why)', async () => {
    const page = await show([shown({ id: 'open1' })], { write: vi.fn(async () => false) });
    await click(button(page.container, 'Complete task ‘Send proposal’'));
    expect(page.write).toHaveBeenCalledOnce();
    expect(page.announce).not.toHaveBeenCalled();
  });
});
