import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { parseResponseBody } from '../parse-response';
import { appointmentListResponse } from '../schemas/appointment-schemas';
import { contactListResponse } from '../schemas/contact-schemas';
import { noteListResponse } from '../schemas/note-schemas';
import { searchContactsResponse } from '../schemas/search-schemas';
import { taskListResponse } from '../schemas/task-schemas';
import { oddRecordsOf } from '../schemas/tolerant-list';

const ENDPOINT = 'GET /contacts/:contactId/tasks';
const parse = <S extends Parameters<typeof parseResponseBody>[1]>(schema: S, answer: unknown) =>
  parseResponseBody(ENDPOINT, schema, JSON.stringify(answer));

describe('lists read record by record (issue 19)', () => {
  it('reads a search answer whose contact has an epoch dateOfBirth and an address (#314)', () => {
    const answer = parse(searchContactsResponse, {
      contacts: [
        { id: 'c1', firstName: 'Ada', dateOfBirth: 642902400000, address: '1 Main St' },
        { id: 'c2', firstName: 'Bo', dateOfBirth: '1990-05-17' },
      ],
      total: 2,
    });
    expect(answer.contacts.map((c) => [c.id, c.dateOfBirth, c.address])).toEqual([
      ['c1', 642902400000, '1 Main St'],
      ['c2', '1990-05-17', undefined],
    ]);
    expect(oddRecordsOf(answer.contacts)).toEqual([]);
  });

  it('reads tasks, notes and appointments without the fields the spec marks optional', () => {
    const tasks = parse(taskListResponse, { tasks: [{ id: 't1' }, { id: 't2', title: 'Call' }] });
    const notes = parse(noteListResponse, { notes: [{ id: 'n1' }] });
    const events = parse(appointmentListResponse, { events: [{ id: 'a1', title: 'Demo' }] });
    expect(tasks.tasks.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(notes.notes).toEqual([{ id: 'n1' }]);
    expect(events.events).toEqual([{ id: 'a1', title: 'Demo' }]);
    expect(oddRecordsOf(tasks.tasks)).toEqual([]);
  });

  it('keeps the other records when one has no id, and reports it as left out', () => {
    const { tasks } = parse(taskListResponse, {
      tasks: [
        { id: 't1', title: 'a', completed: false },
        { title: 'no id' },
        { id: 't3', title: 'c', completed: true },
      ],
    });
    expect(tasks.map((t) => t.id)).toEqual(['t1', 't3']);
    expect(oddRecordsOf(tasks)).toEqual([
      { outcome: 'skipped', reason: expect.stringMatching(/^field id:/) },
    ]);
  });

  it('keeps a record without the fields that do not fit, and reports which', () => {
    const { contacts } = parse(contactListResponse, {
      contacts: [
        { id: 'c1', firstName: 'Ada', tags: 'vip', email: 7 },
        { id: 'c2', firstName: 'Bo' },
      ],
    });
    expect(contacts).toEqual([
      { id: 'c1', firstName: 'Ada' },
      { id: 'c2', firstName: 'Bo' },
    ]);
    expect(oddRecordsOf(contacts)).toEqual([
      { id: 'c1', outcome: 'kept', reason: expect.stringMatching(/^field (tags|email):/) },
    ]);
  });

  it('reports nothing for a list that is not a tolerant one', () => {
    expect(oddRecordsOf([{ id: 'x' }])).toEqual([]);
  });

  it('the client answers the readable tasks of a list with an unreadable one', async () => {
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      fetch: async () =>
        new Response('{"tasks": [{"id": 1}, {"id": "t2", "completed": false}]}', {
          headers: { 'content-type': 'application/json' },
        }),
    });
    const tasks = await fake.run(client.tasks.list('c1'));
    expect(tasks).toEqual([{ id: 't2', completed: false }]);
    expect(oddRecordsOf(tasks)).toHaveLength(1);
  });
});
