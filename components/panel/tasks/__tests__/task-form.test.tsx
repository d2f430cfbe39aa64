// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, click, textOf } from '@/components/sync/__tests__/render-page';
import { dueDateOf, type TaskDraft } from '../task-draft';
import { field, fill, press, showTasks, task } from './task-page';

let unmount = () => {};
async function show(...args: Parameters<typeof showTasks>) {
  const page = await showTasks(...args);
  unmount = page.unmount;
  return page;
}
const localDue = (date: string, time: string) =>
  dueDateOf({ title: 'x', date, time, body: '', assignedTo: '' } satisfies TaskDraft);

/** The messages tied to a field by aria-describedby (space-separated ids), or null. */
function messageOf(element: Element): string | null {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  const messages = ids.map((id) => element.ownerDocument.getElementById(id));
  return messages.length > 0 ? messages.map((message) => textOf(message!)).join(' ') : null;
}

describe('TaskSection: the create form', () => {
  afterEach(() => unmount());

  it('refuses an empty title or due date, says why at the field, and sends nothing', async () => {
    const page = await show([]);
    await click(button(page.container, 'Add task'));
    const title = field(page.container, 'Title');
    const date = field(page.container, 'Due date');
    expect(document.activeElement).toBe(title);

    await click(button(page.container, 'Save task'));
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(title)).toBe('Enter a title for the task.');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(date)).toBe('Choose the day the task is due.');
    expect(document.activeElement).toBe(title);

    await fill(page.container, 'Title', 'Send proposal');
    expect(title.hasAttribute('aria-invalid')).toBe(false);
    await click(button(page.container, 'Save task'));
    expect(document.activeElement).toBe(date);
    expect(messageOf(date)).toBe('Choose the day the task is due.');

    await fill(page.container, 'Title', '   ');
    await fill(page.container, 'Due date', '2025-01-20');
    await click(button(page.container, 'Save task'));
    expect(document.activeElement).toBe(title);
    expect(page.write).not.toHaveBeenCalled();
  });

  it('sends exactly the documented create body, announces it and goes back to Add task', async () => {
    const page = await show([]);
    await click(button(page.container, 'Add task'));
    expect((field(page.container, 'Due time (09:00 if empty)') as HTMLInputElement).value).toBe(
      '09:00',
    );
    await fill(page.container, 'Title', ' Send proposal ');
    await fill(page.container, 'Due date', '2025-01-20');
    await click(button(page.container, 'Save task'));
    expect(page.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'task.create',
      contactId: 'c-1',
      body: {
        title: 'Send proposal',
        dueDate: localDue('2025-01-20', '09:00'),
        completed: false,
      },
    });
    expect(page.announce).toHaveBeenCalledWith(
      'Task ‘Send proposal’ added — sending to GHL',
      'status',
    );
    expect(page.container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(page.container, 'Add task'));
  });

  it('adds the description and assignee when given', async () => {
    const page = await show([]);
    await click(button(page.container, 'Add task'));
    await fill(page.container, 'Title', 'Call back');
    await fill(page.container, 'Due date', '2025-02-03');
    await fill(page.container, 'Due time (09:00 if empty)', '16:45');
    await fill(page.container, 'Description (optional)', 'About pricing');
    await fill(page.container, 'Assignee (GHL user id, optional)', 'user123');
    await click(button(page.container, 'Save task'));
    expect(page.write.mock.calls[0]?.[0]).toEqual({
      kind: 'task.create',
      contactId: 'c-1',
      body: {
        title: 'Call back',
        dueDate: localDue('2025-02-03', '16:45'),
        completed: false,
        body: 'About pricing',
        assignedTo: 'user123',
      },
    });
  });

  it('keeps the form filled when the write is refused', async () => {
    const page = await show([], { write: vi.fn(async () => false) });
    await click(button(page.container, 'Add task'));
    await fill(page.container, 'Title', 'Send proposal');
    await fill(page.container, 'Due date', '2025-01-20');
    await click(button(page.container, 'Save task'));
    expect(page.write).toHaveBeenCalledOnce();
    expect(page.announce).not.toHaveBeenCalled();
    expect(field(page.container, 'Title').value).toBe('Send proposal');
    expect(button(page.container, 'Save task').disabled).toBe(false);
  });

  it('Escape cancels the form and gives the focus back to Add task', async () => {
    const page = await show([]);
    await click(button(page.container, 'Add task'));
    await fill(page.container, 'Title', 'Half typed');
    await press(field(page.container, 'Title'), 'Escape');
    expect(page.container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(page.container, 'Add task'));
    expect(page.write).not.toHaveBeenCalled();
  });
});

describe('TaskSection: the edit form', () => {
  afterEach(() => unmount());
  const existing = task({
    id: 't1',
    title: 'Send proposal',
    dueDate: localDue('2025-01-20', '10:30'),
    body: 'Pricing v1',
  });

  it('is filled with the task and sends only the fields that changed', async () => {
    const page = await show([{ record: existing }]);
    await click(button(page.container, 'Edit task ‘Send proposal’'));
    const form = page.container.querySelector('form')!;
    expect(form.getAttribute('aria-label')).toBe('Edit task ‘Send proposal’');
    expect(field(form, 'Title').value).toBe('Send proposal');
    expect(field(form, 'Due date').value).toBe('2025-01-20');
    expect(field(form, 'Due time (09:00 if empty)').value).toBe('10:30');
    expect(field(form, 'Description (optional)').value).toBe('Pricing v1');

    await fill(form, 'Title', 'Send final proposal');
    await fill(form, 'Due time (09:00 if empty)', '11:00');
    await click(button(form, 'Save changes'));
    expect(page.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'task.update',
      contactId: 'c-1',
      taskId: 't1',
      body: { title: 'Send final proposal', dueDate: localDue('2025-01-20', '11:00') },
    });
    expect(page.announce).toHaveBeenCalledWith(
      'Task ‘Send proposal’ saved — sending to GHL',
      'status',
    );
    expect(page.container.querySelector('form')).toBeNull();
    // The row is about to be redrawn as pending (and may move): the focus waits on the heading.
    expect(textOf(document.activeElement!)).toBe('Tasks');
  });

  it("sends only what was typed, not the form's old value of a field GHL changed meanwhile", async () => {
    const page = await show([{ record: existing }]);
    await click(button(page.container, 'Edit task ‘Send proposal’'));
    // A colleague changed the description and the due time in GHL while the form was open.
    await page.rerender([
      { record: { ...existing, body: 'Pricing v2', dueDate: localDue('2025-01-21', '08:00') } },
    ]);
    await fill(page.container, 'Title', 'Send final proposal');
    await click(button(page.container, 'Save changes'));
    expect(page.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'task.update',
      contactId: 'c-1',
      taskId: 't1',
      body: { title: 'Send final proposal' },
    });
  });

  it('sends an emptied description as an empty text', async () => {
    const page = await show([{ record: existing }]);
    await click(button(page.container, 'Edit task ‘Send proposal’'));
    await fill(page.container, 'Description (optional)', '  ');
    await click(button(page.container, 'Save changes'));
    expect(page.write.mock.calls[0]?.[0]).toMatchObject({ body: { body: '' } });
  });

  it('never sends an empty assignee, and says unassigning is done in GHL', async () => {
    const page = await show([{ record: { ...existing, assignedTo: 'user1' } }]);
    await click(button(page.container, 'Edit task ‘Send proposal’'));
    const assignee = field(page.container, 'Assignee (GHL user id, optional)');
    expect(messageOf(assignee)).toBe('To unassign, change it in GHL.');
    await fill(page.container, 'Assignee (GHL user id, optional)', '');
    await fill(page.container, 'Title', 'Send final proposal');
    await click(button(page.container, 'Save changes'));
    expect(page.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'task.update',
      contactId: 'c-1',
      taskId: 't1',
      body: { title: 'Send final proposal' },
    });
  });

  it('gives no unassign hint to a task without an assignee', async () => {
    const page = await show([{ record: existing }]);
    await click(button(page.container, 'Edit task ‘Send proposal’'));
    const assignee = field(page.container, 'Assignee (GHL user id, optional)');
    expect(messageOf(assignee)).toBeNull();
    expect(textOf(page.container)).not.toContain('To unassign');
  });

  it('sends nothing when nothing changed, and says so', async () => {
    const page = await show([{ record: existing }]);
    await click(button(page.container, 'Edit task ‘Send proposal’'));
    await click(button(page.container, 'Save changes'));
    expect(page.write).not.toHaveBeenCalled();
    expect(page.announce).toHaveBeenCalledWith(
      'Nothing changed in task ‘Send proposal’.',
      'status',
    );
    expect(page.container.querySelector('form')).toBeNull();
  });

  it('refuses to save without a title', async () => {
    const page = await show([{ record: existing }]);
    await click(button(page.container, 'Edit task ‘Send proposal’'));
    await fill(page.container, 'Title', '');
    await click(button(page.container, 'Save changes'));
    expect(page.write).not.toHaveBeenCalled();
    expect(field(page.container, 'Title').getAttribute('aria-invalid')).toBe('true');
  });

  it('Escape cancels the edit and gives the focus back to its Edit button', async () => {
    const page = await show([{ record: existing }]);
    await click(button(page.container, 'Edit task ‘Send proposal’'));
    await press(field(page.container, 'Description (optional)'), 'Escape');
    expect(page.container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(page.container, 'Edit task ‘Send proposal’'));
  });
});
