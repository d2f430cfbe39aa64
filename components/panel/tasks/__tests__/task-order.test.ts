import { describe, expect, it } from 'vitest';
import type { PanelTask, Shown } from '../../panel-records';
import { isOverdue, orderTasks } from '../task-order';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const shown = (
  title: string,
  dueDate: string | undefined,
  completed = false,
): Shown<PanelTask> => ({
  record: { id: title, title, dueDate, completed },
});

describe('isOverdue', () => {
  it.each([
    ['open, due an hour ago', '2025-01-15T11:00:00Z', false, true],
    ['open, due a minute from now', '2025-01-15T12:01:00Z', false, false],
    ['open, due exactly now', '2025-01-15T12:00:00Z', false, false],
    ['completed, due last week', '2025-01-08T09:00:00Z', true, false],
    ['open, no due date', undefined, false, false],
    ['open, unreadable due date', 'next tuesday', false, false],
  ])('%s → %s', (_case, dueDate, completed, overdue) => {
    expect(isOverdue({ id: 't', title: 't', dueDate, completed }, NOW)).toBe(overdue);
  });
});

describe('orderTasks', () => {
  it('lists open tasks by due date ascending, undated last, then completed ones latest first', () => {
    const tasks = [
      shown('done early', '2025-01-01T09:00:00Z', true),
      shown('no date', undefined),
      shown('next week', '2025-01-22T09:00:00Z'),
      shown('done late', '2025-01-14T09:00:00Z', true),
      shown('overdue', '2025-01-10T09:00:00Z'),
      shown('tomorrow', '2025-01-16T09:00:00Z'),
      shown('done undated', undefined, true),
    ];
    const { open, completed } = orderTasks(tasks);
    expect(open.map((t) => t.record.title)).toEqual([
      'overdue',
      'tomorrow',
      'next week',
      'no date',
    ]);
    expect(completed.map((t) => t.record.title)).toEqual([
      'done late',
      'done early',
      'done undated',
    ]);
  });

  it('compares instants, not strings, and breaks ties by title', () => {
    const { open } = orderTasks([
      // 10:00 in +02:00 is 08:00 UTC: earlier than 09:00Z although its text sorts later.
      shown('b at nine', '2025-01-20T09:00:00Z'),
      shown('a at nine', '2025-01-20T09:00:00.000Z'),
      shown('ten in Athens', '2025-01-20T10:00:00+02:00'),
    ]);
    expect(open.map((t) => t.record.title)).toEqual(['ten in Athens', 'a at nine', 'b at nine']);
  });

  it('leaves the input as it was', () => {
    const tasks = [shown('later', '2025-02-01T00:00:00Z'), shown('sooner', '2025-01-01T00:00:00Z')];
    orderTasks(tasks);
    expect(tasks.map((t) => t.record.title)).toEqual(['later', 'sooner']);
  });
});
