import { afterEach, describe, expect, it } from 'vitest';
import { createTaskBody, updateTaskBody } from '@/utils/ghl/schemas/task-schemas';
import {
  checkDraft,
  createBody,
  draftOf,
  dueDateOf,
  updateBody,
  type TaskDraft,
} from '../task-draft';

const draft = (change: Partial<TaskDraft> = {}): TaskDraft => ({
  title: 'Send proposal',
  date: '2025-01-20',
  time: '14:30',
  body: '',
  assignedTo: '',
  ...change,
});

const zone = process.env.TZ;
/** Runs the rest of the test in `tz` (Node re-reads TZ when it is set). */
const inZone = (tz: string) => {
  process.env.TZ = tz;
};

describe('task drafts', () => {
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it.each([
    ['a title and a day', {}, {}],
    ['no title', { title: '' }, { title: 'Enter a title for the task.' }],
    ['a blank title', { title: '   ' }, { title: 'Enter a title for the task.' }],
    ['no due day', { date: '' }, { date: 'Choose the day the task is due.' }],
    ['an unreadable day', { date: '20/01/2025' }, { date: expect.stringMatching(/e\.g\./) }],
    ['an impossible day', { date: '2025-13-45' }, { date: expect.stringMatching(/e\.g\./) }],
    ['an unreadable time', { time: '9am' }, { time: 'Enter the time as hours and minutes.' }],
    [
      'an assignee that is not an id',
      { assignedTo: 'Ann <x>' },
      { assignedTo: expect.any(String) },
    ],
    [
      'nothing at all',
      { title: '', date: '' },
      { title: expect.any(String), date: expect.any(String) },
    ],
  ])('checks %s', (_case, change, errors) => {
    expect(checkDraft(draft(change))).toEqual(errors);
  });

  it('reads the day and time as local time, 09:00 when no time is given', () => {
    inZone('America/New_York');
    expect(dueDateOf(draft())).toBe('2025-01-20T19:30:00.000Z');
    expect(dueDateOf(draft({ time: '' }))).toBe('2025-01-20T14:00:00.000Z');
    inZone('Asia/Tokyo');
    expect(dueDateOf(draft({ time: '' }))).toBe('2025-01-20T00:00:00.000Z');
  });

  it('fills the form from a task in local time, and back to the same instant', () => {
    inZone('Europe/Berlin');
    const task = { id: 't1', title: 'Call', completed: false, dueDate: '2025-07-01T22:15:00Z' };
    const values = draftOf(task);
    expect(values).toMatchObject({ date: '2025-07-02', time: '00:15', body: '', assignedTo: '' });
    expect(dueDateOf(values)).toBe('2025-07-01T22:15:00.000Z');
    expect(draftOf()).toEqual({ title: '', date: '', time: '09:00', body: '', assignedTo: '' });
  });

  it('builds a create body GHL accepts, with optional fields only when given', () => {
    const bare = createBody(draft({ title: '  Send proposal ' }));
    expect(bare).toEqual({ title: 'Send proposal', dueDate: dueDateOf(draft()), completed: false });
    const full = createBody(draft({ body: ' Pricing v2 ', assignedTo: 'user123' }));
    expect(full).toMatchObject({ body: 'Pricing v2', assignedTo: 'user123' });
    expect(() => createTaskBody.parse(bare)).not.toThrow();
    expect(() => createTaskBody.parse(full)).not.toThrow();
  });

  it('builds an update body of the fields changed since the form opened', () => {
    const task = {
      id: 't1',
      title: 'Send proposal',
      completed: false,
      dueDate: '2025-01-20T09:00:30Z', // GHL may keep seconds the form does not show
      body: 'Pricing',
      assignedTo: 'user1',
    };
    const same = draftOf(task);
    expect(updateBody(same, same)).toEqual({});
    expect(updateBody(same, { ...same, title: 'Send proposal ' })).toEqual({});
    expect(updateBody(same, { ...same, title: 'Send final proposal' })).toEqual({
      title: 'Send final proposal',
    });
    const moved = { ...same, date: '2025-01-21' };
    expect(updateBody(same, moved)).toEqual({ dueDate: dueDateOf(moved) });
    expect(updateBody(same, { ...same, assignedTo: 'user2' })).toEqual({ assignedTo: 'user2' });
    // GHL's body is a string ('' clears it); its assignedTo is a user id, so '' is never sent.
    expect(updateBody(same, { ...same, body: '', assignedTo: '' })).toEqual({ body: '' });
    expect(() => updateTaskBody.parse(updateBody(same, moved))).not.toThrow();
  });
});
