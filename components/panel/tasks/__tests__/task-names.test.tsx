// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { button, click, textOf } from '@/components/sync/__tests__/render-page';
import type { Names } from '@/utils/messaging/trint-answers';
import { assigneeChoices } from '../assignee-choices';
import { field, fill, showTasks, task } from './task-page';

/** The location's users, as 'names/get' answers with users.readonly granted. */
const NAMES: Names = {
  users: [
    { id: 'sbxUserCasey00000003', name: 'Casey Lindqvist' },
    { id: 'sbxUserAvery00000001', name: 'Avery Quinn' },
  ],
  customFields: [],
  missingScopes: [],
};
const NO_NAMES: Names = { users: [], customFields: [], missingScopes: ['users.readonly'] };

let unmount = () => {};
async function show(...args: Parameters<typeof showTasks>) {
  const page = await showTasks(...args);
  unmount = page.unmount;
  return page;
}

const optionsOf = (select: Element) =>
  [...select.querySelectorAll('option')].map((o) => [o.value, textOf(o)]);

describe('tasks with the location users known', () => {
  afterEach(() => unmount());

  it("shows the assignee's name, and the id when the user is unknown", async () => {
    const page = await show(
      [
        { record: task({ assignedTo: 'sbxUserCasey00000003' }) },
        { record: task({ id: 't2', title: 'Call back', assignedTo: 'sbxUserGone000000009' }) },
      ],
      {},
      NAMES,
    );
    expect(textOf(page.container)).toContain('Assigned to Casey Lindqvist');
    expect(textOf(page.container)).not.toContain('Assigned to sbxUserCasey00000003');
    expect(textOf(page.container)).toContain('Assigned to sbxUserGone000000009');
  });

  it('shows ids without names, as before', async () => {
    const page = await show(
      [{ record: task({ assignedTo: 'sbxUserCasey00000003' }) }],
      {},
      NO_NAMES,
    );
    expect(textOf(page.container)).toContain('Assigned to sbxUserCasey00000003');
    await click(button(page.container, 'Add task'));
    expect(field(page.container, 'Assignee (GHL user id, optional)').tagName).toBe('INPUT');
  });

  it('creates a task assigned to the user picked by name, sending the id', async () => {
    const page = await show([], {}, NAMES);
    await click(button(page.container, 'Add task'));
    const select = field(page.container, 'Assignee');
    expect(select.tagName).toBe('SELECT');
    expect(optionsOf(select)).toEqual([
      ['', 'Nobody'],
      ['sbxUserAvery00000001', 'Avery Quinn'],
      ['sbxUserCasey00000003', 'Casey Lindqvist'],
    ]);
    await fill(page.container, 'Title', 'Send proposal');
    await fill(page.container, 'Due date', '2025-01-20');
    await fill(page.container, 'Assignee', 'sbxUserCasey00000003');
    await click(button(page.container, 'Save task'));
    expect(page.write).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'task.create',
        body: expect.objectContaining({ assignedTo: 'sbxUserCasey00000003' }),
      }),
    );
  });

  it('creates an unassigned task with "Nobody"', async () => {
    const page = await show([], {}, NAMES);
    await click(button(page.container, 'Add task'));
    await fill(page.container, 'Title', 'Send proposal');
    await fill(page.container, 'Due date', '2025-01-20');
    await click(button(page.container, 'Save task'));
    expect(page.write.mock.calls[0]?.[0]).toMatchObject({ kind: 'task.create' });
    expect(JSON.stringify(page.write.mock.calls[0]?.[0])).not.toContain('assignedTo');
  });

  it('edits the assignee by name, starting from the current one', async () => {
    const page = await show([{ record: task({ assignedTo: 'sbxUserAvery00000001' }) }], {}, NAMES);
    await click(button(page.container, 'Edit task ‘Send proposal’'));
    const select = field(page.container, 'Assignee') as unknown as HTMLSelectElement;
    expect(select.value).toBe('sbxUserAvery00000001');
    // An assigned task cannot be unassigned through GHL's API: no "Nobody" to pick.
    expect(optionsOf(select).map(([value]) => value)).not.toContain('');
    await fill(page.container, 'Assignee', 'sbxUserCasey00000003');
    await click(button(page.container, 'Save changes'));
    expect(page.write).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'task.update',
        body: { assignedTo: 'sbxUserCasey00000003' },
      }),
    );
  });
});

describe('assigneeChoices', () => {
  it('keeps an assignee who is not among the users, by id', () => {
    expect(assigneeChoices(NAMES.users, 'sbxUserGone000000009').at(-1)).toEqual({
      value: 'sbxUserGone000000009',
      label: 'sbxUserGone000000009',
    });
  });
});
