import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../test/support/fake-clock';
import { GHL_API_BASE } from '../../utils/ghl/api-constants';
import { createExtensionSandbox } from '../extension-sandbox';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../sandbox-fixtures';
import { SANDBOX_SNAPSHOT_VERSION } from '../sandbox-snapshot';

const JANE = 'sbxContJaneDoe000002';
let dbCount = 0;

/**
 * One database, and a way to start a "worker" on it: each call is a fresh createExtensionSandbox,
 * as after Chrome stopped the service worker and woke it again.
 */
function sandboxDatabase() {
  const dbName = `sandbox-persist-${(dbCount += 1)}`;
  const problems: unknown[] = [];
  const worker = () =>
    createExtensionSandbox({
      clock: createFakeClock().clock,
      dbName,
      onProblem: (e) => problems.push(e),
    });
  return { dbName, problems, worker };
}

type Worker = ReturnType<typeof createExtensionSandbox>;

async function ghl(worker: Worker, method: string, path: string, body?: unknown) {
  const response = await worker.fetch(`${GHL_API_BASE}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${SANDBOX_TOKENS.readWrite}`,
      Version: '2021-07-28',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walked freely; asserted below
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

const newContact = (email: string) =>
  ({ locationId: SANDBOX_LOCATION.id, firstName: 'Pat', lastName: 'Kim', email }) as const;
const newTask = (title: string) => ({ title, dueDate: '2026-12-01T10:00:00Z', completed: false });

describe('the in-extension Sandbox across service worker restarts', () => {
  it('keeps a person’s writes for the next worker, which still accepts the Sandbox token', async () => {
    const { worker } = sandboxDatabase();
    const first = worker();
    const created = await ghl(first, 'POST', '/contacts/', newContact('pat@kim.example'));
    expect(created.status).toBe(201);
    const { json } = await ghl(first, 'GET', `/contacts/${JANE}/tasks`);
    const taskId: string = json.tasks[0].id;
    expect((await ghl(first, 'DELETE', `/contacts/${JANE}/tasks/${taskId}`)).status).toBe(200);
    await first.flush();

    const next = worker();
    const contact = await ghl(next, 'GET', `/contacts/${created.json.contact.id}`);
    expect(contact.status).toBe(200);
    expect(contact.json.contact).toMatchObject({ email: 'pat@kim.example', firstName: 'Pat' });
    const tasks = (await ghl(next, 'GET', `/contacts/${JANE}/tasks`)).json.tasks;
    expect(tasks.map((t: { id: string }) => t.id)).not.toContain(taskId);
  });

  it('stores every write of a burst, not only the first', async () => {
    const { worker } = sandboxDatabase();
    const first = worker();
    const titles = ['One', 'Two', 'Three', 'Four', 'Five'];
    await Promise.all(titles.map((t) => ghl(first, 'POST', `/contacts/${JANE}/tasks`, newTask(t))));
    await first.flush();

    const tasks = (await ghl(worker(), 'GET', `/contacts/${JANE}/tasks`)).json.tasks;
    expect(tasks.map((t: { title: string }) => t.title)).toEqual(expect.arrayContaining(titles));
  });

  it('gives new records ids the records made before the restart do not have', async () => {
    const { worker } = sandboxDatabase();
    const first = worker();
    const before = await ghl(first, 'POST', `/contacts/${JANE}/tasks`, newTask('Before'));
    await first.flush();

    const next = worker();
    const after = await ghl(next, 'POST', `/contacts/${JANE}/tasks`, newTask('After'));
    expect(after.json.task.id).not.toBe(before.json.task.id);
    const tasks = (await ghl(next, 'GET', `/contacts/${JANE}/tasks`)).json.tasks;
    const titles = tasks.map((t: { title: string }) => t.title);
    expect(titles).toEqual(expect.arrayContaining(['Before', 'After']));
  });

  it('reset forgets the saved records, and a write still in flight does not bring them back', async () => {
    const { worker } = sandboxDatabase();
    const first = worker();
    const kept = await ghl(first, 'POST', '/contacts/', newContact('saved@kim.example'));
    await first.flush();
    const inFlight = ghl(first, 'POST', '/contacts/', newContact('late@kim.example'));
    const reset = first.reset();
    const late = await inFlight;
    expect(late.status).toBe(201); // answered by the Sandbox that was reset
    await reset;
    await first.flush();

    const next = worker();
    for (const { json } of [kept, late]) {
      expect((await ghl(next, 'GET', `/contacts/${json.contact.id}`)).status).toBe(404);
    }
    expect((await ghl(next, 'GET', `/contacts/${JANE}`)).json.contact.firstName).toBe('Jane');
    // The worker that was reset starts over from the seed too.
    expect((await ghl(first, 'GET', `/contacts/${kept.json.contact.id}`)).status).toBe(404);
  });

  it.each([
    ['not a snapshot', 'garbage'],
    ['an older format', { version: SANDBOX_SNAPSHOT_VERSION - 1, idCounter: 0, contacts: [] }],
    [
      'a damaged record',
      {
        version: SANDBOX_SNAPSHOT_VERSION,
        idCounter: 3,
        contacts: [{ id: 'x' }],
        tasks: [],
        notes: [],
        appointments: [],
      },
    ],
  ])('starts from the seed when the stored snapshot is %s', async (_, stored) => {
    const { dbName, problems, worker } = sandboxDatabase();
    const first = worker();
    await ghl(first, 'POST', '/contacts/', newContact('gone@kim.example'));
    await first.flush();
    const db = await openDB(dbName);
    await db.put('snapshot', stored, 'current');
    db.close();

    const next = worker();
    const jane = await ghl(next, 'GET', `/contacts/${JANE}`);
    expect(jane.json.contact.firstName).toBe('Jane');
    const found = await ghl(next, 'GET', `/contacts/?locationId=${SANDBOX_LOCATION.id}&query=gone`);
    expect(found.json.contacts).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it('does not save a write the Sandbox refused', async () => {
    const { worker } = sandboxDatabase();
    const first = worker();
    await ghl(first, 'GET', `/contacts/${JANE}`);
    await first.flush();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const refused = await ghl(first, 'POST', `/contacts/${JANE}/tasks`, { title: 'No due date' });
    expect(refused.status).toBe(422);
    await first.flush();
    expect(put).not.toHaveBeenCalled();
    await ghl(first, 'POST', `/contacts/${JANE}/tasks`, newTask('Due'));
    await first.flush();
    expect(put).toHaveBeenCalledOnce();
  });
});
