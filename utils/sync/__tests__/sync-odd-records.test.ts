import { describe, expect, it } from 'vitest';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { createSandboxFetch } from '../../../sandbox/sandbox-fetch';
import type { GhlClient } from '../../ghl/ghl-client';
import { listRuns } from '../sync-runs';
import { runSummary } from '../sync-status-reader';
import { JANE, LOCATION, syncUnderTest } from './sync-harness';

/**
 * A sync against GHL as it really answers (issue 19): Jane's task list carries, besides the
 * Sandbox's tasks, one task without title or status (the spec allows it), one with a due date of
 * the wrong type and one without an id.
 */
function syncWithOddTasks() {
  // Built once the harness has made its Sandbox; the engine asks for it only when it runs.
  const late: { ghl?: GhlClient } = {};
  const h = syncUnderTest({
    engine: {
      connection: {
        client: async () => ({
          credentialId: 'cred-1',
          locationId: LOCATION,
          ghl: late.ghl!,
          tokens: { getAccessToken: async () => 'unused' },
        }),
      },
    },
  });
  const sandboxFetch = createSandboxFetch(h.sandbox);
  late.ghl = sandboxClient(h.sandbox, {
    clock: h.fake.clock,
    limiter: h.limiter,
    fetch: async (input, init) => {
      const answer = await sandboxFetch(input, init);
      const url = new Request(input, init).url;
      if (!url.endsWith(`/contacts/${JANE}/tasks`)) return answer;
      const { tasks } = (await answer.json()) as { tasks: unknown[] };
      const odd = [
        { id: 'taskUntitled', contactId: JANE },
        { id: 'taskOddDue', title: 'Odd due', completed: false, dueDate: 1764158400000 },
        { title: 'No id at all', completed: false },
      ];
      return Response.json({ tasks: [...tasks, ...odd] });
    },
  }).client;
  return h;
}

describe('a sync reads what GHL really sends', () => {
  it('keeps the tasks it can read, and reports the odd ones in the run history', async () => {
    const h = syncWithOddTasks();
    await h.link('t-1', JANE, 'Jane Doe');
    const run = await h.run();
    expect(run).toMatchObject({ contactsChecked: 1, errors: [], outcome: 'ok' });
    expect(run.oddRecords).toEqual({
      count: 2,
      first: expect.stringMatching(
        /^A task of contact sbxContJaneDoe000002 \(taskOddDue\) was read without field dueDate: /,
      ),
    });
    const [stored] = await listRuns(await h.db.get());
    expect(stored?.oddRecords).toEqual(run.oddRecords);
    expect(runSummary(stored!)).toMatchObject({
      oddRecords: 2,
      firstOddRecord: run.oddRecords!.first,
    });

    const tasks = (await h.view('t-1')).tasks.map((t) => t.id);
    expect(tasks).toContain('taskUntitled');
    expect(tasks).toContain('taskOddDue');
    expect(tasks.length).toBeGreaterThan(2);
  });

  it('an untitled task is named "Untitled task" when its status changes in GHL', async () => {
    const h = syncWithOddTasks();
    await h.link('t-1', JANE, 'Jane Doe');
    await h.run();
    await h.fake.advance(61 * 60_000);
    // The same task, now completed in GHL.
    const ghl = (await h.deps.connection.client()).ghl;
    const original = ghl.tasks.list;
    ghl.tasks.list = async (...args) =>
      (await original(...args)).map((t) =>
        t.id === 'taskUntitled' ? { ...t, completed: true } : t,
      );
    await h.run();
    const lines = (await h.view('t-1')).activity.map((a) => a.text);
    expect(lines[0]).toMatch(/^Task ‘Untitled task’ completed/);
  });

  it('a run where every record fit has no odd records, as before', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE, 'Jane Doe');
    const run = await h.run();
    expect(run.oddRecords).toBeUndefined();
    expect(runSummary({ ...run, endedAt: run.startedAt })).not.toHaveProperty('oddRecords');
  });
});
