import { describe, expect, it } from 'vitest';
import type { OutboxJobView, OutboxOperation } from '@/utils/messaging/write-schemas';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import {
  asContact,
  asNote,
  asTask,
  panelRecords,
  pendingId,
  type PanelRecords,
} from '../panel-records';

const CREATED_AT = Date.UTC(2025, 0, 15, 12, 0, 0);

/** A cached view of transcript t1 linked to Jane Doe, with one task and one note. */
const view = (pending: OutboxJobView[] = [], change: Partial<TranscriptView> = {}) =>
  ({
    transcriptId: 't1',
    link: { contactId: 'c1', locationId: 'loc1', linkedAt: 1 },
    contact: {
      id: 'c1',
      firstName: 'Jane',
      lastName: 'Doe',
      name: 'Jane Doe',
      email: 'jane@example.com',
      tags: ['vip', 'lead'],
    },
    tasks: [
      { id: 'task1', title: 'Send proposal', completed: false, dueDate: '2025-01-20T09:00:00Z' },
      { id: 'task2', title: 'Book demo', completed: false },
    ],
    notes: [
      { id: 'note1', body: 'First call', dateAdded: '2025-01-01T00:00:00.000Z' },
      { id: 'note2', body: 'Second call' },
    ],
    appointments: [{ id: 'a1', title: 'Demo', startTime: '2025-01-22T10:00:00Z' }],
    activity: [],
    pending,
    ...change,
  }) satisfies TranscriptView;

let jobCount = 0;
/** A queued outbox job carrying `operation`. */
const job = (operation: OutboxOperation, change: Partial<OutboxJobView> = {}): OutboxJobView => ({
  id: `j${++jobCount}`,
  kind: operation.kind,
  summary: `Write ${operation.kind}`,
  status: 'queued',
  attempts: 0,
  createdAt: CREATED_AT,
  nextAttemptAt: 0,
  transcriptId: 't1',
  contactId: 'c1',
  operation,
  ...change,
});

const contactOf = (records: PanelRecords) => records.contact;
const task = (records: PanelRecords, id: string) => records.tasks.find((t) => t.record.id === id);
const note = (records: PanelRecords, id: string) => records.notes.find((n) => n.record.id === id);

describe('panelRecords: the cache without pending writes', () => {
  it('reads the contact, tasks, notes and appointments as they are, nothing pending', () => {
    const records = panelRecords(view());
    expect(records.contact).toEqual({
      record: expect.objectContaining({ id: 'c1', name: 'Jane Doe', tags: ['vip', 'lead'] }),
    });
    expect(records.tasks.map((t) => [t.record.id, t.pending])).toEqual([
      ['task1', undefined],
      ['task2', undefined],
    ]);
    expect(records.notes.map((n) => n.record.body)).toEqual(['First call', 'Second call']);
    expect(records.appointments).toEqual([
      {
        id: 'a1',
        title: 'Demo',
        startTime: '2025-01-22T10:00:00Z',
        endTime: undefined,
        appointmentStatus: undefined,
        address: undefined,
      },
    ]);
    expect(records.failed).toEqual([]);
  });

  it('has no contact when the cache holds none', () => {
    expect(panelRecords(view([], { contact: undefined })).contact).toBeUndefined();
  });
});

describe('panelRecords: each kind of pending write, applied at once', () => {
  const cases: {
    name: string;
    operation: OutboxOperation;
    check(records: PanelRecords, jobId: string): void;
  }[] = [
    {
      name: 'contact.create adds nothing to a linked transcript',
      operation: { kind: 'contact.create', body: { firstName: 'New' } },
      check(records) {
        expect(contactOf(records)).toEqual({ record: expect.objectContaining({ id: 'c1' }) });
        expect(records.tasks).toHaveLength(2);
        expect(records.notes).toHaveLength(2);
      },
    },
    {
      name: 'contact.update merges the body into the contact, marked saving',
      operation: {
        kind: 'contact.update',
        contactId: 'c1',
        body: { firstName: 'Janet', phone: '+1 555 010 0100' },
      },
      check(records) {
        expect(contactOf(records)?.pending).toBe('saving');
        expect(contactOf(records)?.record).toMatchObject({
          id: 'c1',
          firstName: 'Janet',
          lastName: 'Doe',
          email: 'jane@example.com',
          phone: '+1 555 010 0100',
          tags: ['vip', 'lead'],
        });
      },
    },
    {
      name: 'contact.update with null clears the field (GHL clears it)',
      operation: { kind: 'contact.update', contactId: 'c1', body: { email: null } },
      check(records) {
        expect(contactOf(records)?.record.email).toBeUndefined();
        expect(contactOf(records)?.record.firstName).toBe('Jane');
      },
    },
    {
      name: 'contact.delete marks the contact deleting, unchanged',
      operation: { kind: 'contact.delete', contactId: 'c1' },
      check(records) {
        expect(contactOf(records)?.pending).toBe('deleting');
        expect(contactOf(records)?.record.firstName).toBe('Jane');
      },
    },
    {
      name: 'tags.add adds new tags once, marked saving',
      operation: { kind: 'tags.add', contactId: 'c1', tags: ['hot', 'vip'] },
      check(records) {
        expect(contactOf(records)).toEqual({
          record: expect.objectContaining({ tags: ['vip', 'lead', 'hot'] }),
          pending: 'saving',
        });
      },
    },
    {
      name: 'tags.remove removes the tags, marked saving',
      operation: { kind: 'tags.remove', contactId: 'c1', tags: ['vip', 'absent'] },
      check(records) {
        expect(contactOf(records)).toEqual({
          record: expect.objectContaining({ tags: ['lead'] }),
          pending: 'saving',
        });
      },
    },
    {
      name: 'task.create adds the task under a pending id, open, marked saving',
      operation: {
        kind: 'task.create',
        contactId: 'c1',
        body: { title: 'Call back', dueDate: '2025-01-25T09:00:00Z' },
      },
      check(records, jobId) {
        expect(records.tasks).toHaveLength(3);
        expect(task(records, `pending-${jobId}`)).toEqual({
          record: {
            id: `pending-${jobId}`,
            title: 'Call back',
            body: undefined,
            dueDate: '2025-01-25T09:00:00Z',
            completed: false,
            assignedTo: undefined,
          },
          pending: 'saving',
        });
      },
    },
    {
      name: 'task.update merges the body into that task only',
      operation: {
        kind: 'task.update',
        contactId: 'c1',
        taskId: 'task1',
        body: { title: 'Send the proposal', body: 'v2' },
      },
      check(records) {
        expect(task(records, 'task1')).toEqual({
          record: expect.objectContaining({
            title: 'Send the proposal',
            body: 'v2',
            dueDate: '2025-01-20T09:00:00Z',
          }),
          pending: 'saving',
        });
        expect(task(records, 'task2')?.pending).toBeUndefined();
      },
    },
    {
      name: 'task.complete sets completed on that task only',
      operation: { kind: 'task.complete', contactId: 'c1', taskId: 'task2', completed: true },
      check(records) {
        expect(task(records, 'task2')).toEqual({
          record: expect.objectContaining({ title: 'Book demo', completed: true }),
          pending: 'saving',
        });
        expect(task(records, 'task1')?.record.completed).toBe(false);
      },
    },
    {
      name: 'task.delete marks that task deleting, still listed',
      operation: { kind: 'task.delete', contactId: 'c1', taskId: 'task1' },
      check(records) {
        expect(task(records, 'task1')?.pending).toBe('deleting');
        expect(task(records, 'task1')?.record.title).toBe('Send proposal');
        expect(task(records, 'task2')?.pending).toBeUndefined();
      },
    },
    {
      name: 'note.create adds the note under a pending id, dated when it was written',
      operation: { kind: 'note.create', contactId: 'c1', body: { body: 'Wants a quote' } },
      check(records, jobId) {
        expect(records.notes).toHaveLength(3);
        expect(note(records, pendingId(jobId))).toEqual({
          record: expect.objectContaining({
            id: `pending-${jobId}`,
            body: 'Wants a quote',
            dateAdded: new Date(CREATED_AT).toISOString(),
          }),
          pending: 'saving',
        });
      },
    },
    {
      name: 'note.update merges the body into that note only',
      operation: {
        kind: 'note.update',
        contactId: 'c1',
        noteId: 'note2',
        body: { body: 'Edited' },
      },
      check(records) {
        expect(note(records, 'note2')).toEqual({
          record: expect.objectContaining({ body: 'Edited' }),
          pending: 'saving',
        });
        expect(note(records, 'note1')).toEqual({
          record: expect.objectContaining({ body: 'First call' }),
        });
      },
    },
    {
      name: 'note.delete marks that note deleting',
      operation: { kind: 'note.delete', contactId: 'c1', noteId: 'note1' },
      check(records) {
        expect(note(records, 'note1')?.pending).toBe('deleting');
        expect(note(records, 'note2')?.pending).toBeUndefined();
      },
    },
  ];

  it('covers every kind of write', () => {
    const kinds = new Set(cases.map((c) => c.operation.kind));
    expect(kinds.size).toBe(12);
  });

  it.each(cases)('$name', ({ operation, check }) => {
    const pending = job(operation);
    check(panelRecords(view([pending])), pending.id);
  });

  it.each(cases)(
    'a failed $operation.kind is rolled back and listed in failed',
    ({ operation }) => {
      const failed = job(operation, {
        status: 'failed',
        error: { kind: 'validation', message: 'GHL refused it.', at: CREATED_AT },
      });
      const records = panelRecords(view([failed]));
      expect(records).toEqual({ ...panelRecords(view()), failed: [failed] });
    },
  );

  it.each(['sending', 'waiting'] as const)('applies a %s write too', (status) => {
    const sending = job({ kind: 'task.delete', contactId: 'c1', taskId: 'task2' }, { status });
    expect(task(panelRecords(view([sending])), 'task2')?.pending).toBe('deleting');
  });
});

describe('panelRecords: several writes', () => {
  it('applies them in queue order: the later update wins', () => {
    const records = panelRecords(
      view([
        job({ kind: 'contact.update', contactId: 'c1', body: { firstName: 'Janet' } }),
        job({ kind: 'contact.update', contactId: 'c1', body: { firstName: 'Janice' } }),
        job({ kind: 'tags.add', contactId: 'c1', tags: ['hot'] }),
        job({ kind: 'tags.remove', contactId: 'c1', tags: ['hot', 'lead'] }),
      ]),
    );
    expect(records.contact?.record.firstName).toBe('Janice');
    expect(records.contact?.record.tags).toEqual(['vip']);
  });

  it('does not show a write queued for a contact this transcript was linked to before', () => {
    const records = panelRecords(
      view([
        job({
          kind: 'task.create',
          contactId: 'other',
          body: { title: 'For Alice', completed: false },
        }),
        job({ kind: 'tags.add', contactId: 'other', tags: ['alice-only'] }),
        job({ kind: 'contact.update', contactId: 'other', body: { firstName: 'Alice' } }),
      ]),
    );
    expect(records.tasks.map((t) => t.record.title)).not.toContain('For Alice');
    expect(records.contact?.record.tags).not.toContain('alice-only');
    expect(records.contact?.record.firstName).not.toBe('Alice');
    expect(records.contact?.pending).toBeUndefined();
  });

  it('lists failed writes newest first and applies only the others', () => {
    const older = job(
      { kind: 'task.complete', contactId: 'c1', taskId: 'task1', completed: true },
      { status: 'failed', createdAt: CREATED_AT - 2000 },
    );
    const kept = job({ kind: 'task.delete', contactId: 'c1', taskId: 'task2' });
    const newer = job(
      { kind: 'note.delete', contactId: 'c1', noteId: 'note1' },
      { status: 'failed', createdAt: CREATED_AT - 1000 },
    );
    const records = panelRecords(view([older, kept, newer]));
    expect(records.failed.map((f) => f.id)).toEqual([newer.id, older.id]);
    expect(task(records, 'task1')).toEqual({
      record: expect.objectContaining({ completed: false }),
    });
    expect(task(records, 'task2')?.pending).toBe('deleting');
    expect(note(records, 'note1')?.pending).toBeUndefined();
  });

  it('ignores a write without its operation (nothing to show)', () => {
    const bare = job({ kind: 'task.delete', contactId: 'c1', taskId: 'task1' }, {});
    delete bare.operation;
    expect(panelRecords(view([bare]))).toEqual(panelRecords(view()));
  });

  it('leaves the contact out of contact writes when none is cached', () => {
    const records = panelRecords(
      view(
        [
          job({ kind: 'contact.update', contactId: 'c1', body: { firstName: 'Janet' } }),
          job({ kind: 'tags.add', contactId: 'c1', tags: ['hot'] }),
          job({ kind: 'contact.delete', contactId: 'c1' }),
        ],
        { contact: undefined },
      ),
    );
    expect(records.contact).toBeUndefined();
  });

  it('does not change the view it was given', () => {
    const given = view([
      job({ kind: 'task.complete', contactId: 'c1', taskId: 'task1', completed: true }),
      job({ kind: 'tags.add', contactId: 'c1', tags: ['hot'] }),
    ]);
    const copy = structuredClone(given);
    panelRecords(given);
    expect(given).toEqual(copy);
  });
});

describe('asTask, asNote and asContact read odd cached values safely', () => {
  it('asTask: a non-string title is empty, empty texts are absent, only true completes', () => {
    expect(asTask({ id: 7, title: 42, body: '', dueDate: null, completed: 'true' })).toEqual({
      id: '7',
      title: '',
      body: undefined,
      dueDate: undefined,
      completed: false,
      assignedTo: undefined,
    });
    expect(asTask({ id: 't', title: 'Ok', completed: true, assignedTo: 'u1' })).toMatchObject({
      title: 'Ok',
      completed: true,
      assignedTo: 'u1',
    });
  });

  it('asNote: a missing body is empty, pinned only when true', () => {
    expect(asNote({ id: 'n', body: { html: '<b>x</b>' }, pinned: 'yes', title: '' })).toEqual({
      id: 'n',
      body: '',
      title: undefined,
      pinned: false,
      dateAdded: undefined,
      userId: undefined,
    });
    expect(asNote({ id: 'n', body: '', pinned: true }).pinned).toBe(true);
  });

  it('asContact: keeps only string tags, no tags when they are not a list', () => {
    expect(asContact({ id: 'c', tags: ['vip', 3, null, 'lead', { x: 1 }] }).tags).toEqual([
      'vip',
      'lead',
    ]);
    expect(asContact({ id: 'c', tags: 'vip' }).tags).toEqual([]);
    expect(asContact({ id: 'c' }).tags).toEqual([]);
  });

  it('asContact: drops non-text and empty fields', () => {
    expect(
      asContact({ id: 'c', firstName: '', lastName: 5, email: ['a@b.co'], phone: 'x' }),
    ).toEqual({
      id: 'c',
      firstName: undefined,
      lastName: undefined,
      name: undefined,
      email: undefined,
      phone: 'x',
      companyName: undefined,
      tags: [],
      businessId: undefined,
      assignedTo: undefined,
      dateUpdated: undefined,
      locationId: undefined,
    });
  });
});
