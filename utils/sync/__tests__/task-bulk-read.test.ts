import { describe, expect, it } from 'vitest';
import { CONTACTS_PER_TASK_SEARCH, readTasksInBulk, TASKS_PER_PAGE } from '../task-bulk-read';

describe('tasks in bulk', () => {
  it('pages each batch of contacts until a short page, and gives a contact without tasks none', async () => {
    const ids = Array.from({ length: CONTACTS_PER_TASK_SEARCH + 1 }, (_, i) => `c${i}`);
    const bodies: { contactId: string[]; skip?: number }[] = [];
    const ghl = {
      tasks: {
        searchLocation: async (_: string, body: { contactId: string[]; skip?: number }) => {
          bodies.push(body);
          // The first batch has 150 tasks of c0 (two pages), the second none.
          if (body.contactId.includes('c0')) {
            const from = body.skip ?? 0;
            const count = Math.max(0, Math.min(TASKS_PER_PAGE, 150 - from));
            return Array.from({ length: count }, (_, i) => ({
              id: `t${from + i}`,
              contactId: 'c0',
            }));
          }
          return [];
        },
      },
    };
    const read = await readTasksInBulk(ghl, 'loc', ids, {});
    expect(bodies.map((b) => [b.contactId.length, b.skip])).toEqual([
      [CONTACTS_PER_TASK_SEARCH, 0],
      [CONTACTS_PER_TASK_SEARCH, TASKS_PER_PAGE],
      [1, 0],
    ]);
    expect(read.requests).toBe(3);
    expect(read.tasks.get('c0')).toHaveLength(150);
    expect(read.tasks.get('c1')).toEqual([]);
    expect(read.tasks.get(`c${CONTACTS_PER_TASK_SEARCH}`)).toEqual([]);
  });
});
