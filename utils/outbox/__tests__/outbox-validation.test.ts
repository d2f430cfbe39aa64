import { describe, expect, it } from 'vitest';
import { GhlError } from '../../ghl/ghl-error';
import { validateOperation } from '../outbox-validation';

const LOC = 'loc1';
const SAM = 'sbxContSamLee0000001';
const TASK = { title: 'Send proposal', dueDate: '2026-12-01T09:00:00.000Z', completed: false };

function refusal(operation: unknown): GhlError {
  try {
    validateOperation(operation, { locationId: LOC });
  } catch (error) {
    if (error instanceof GhlError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('validateOperation', () => {
  it.each([
    [
      'an unknown task field',
      { kind: 'task.create', contactId: SAM, body: { ...TASK, colour: 'red' } },
      /colour/,
    ],
    [
      'a task without a title',
      { kind: 'task.create', contactId: SAM, body: { dueDate: TASK.dueDate, completed: false } },
      /title/,
    ],
    [
      'a task without a due date',
      { kind: 'task.create', contactId: SAM, body: { title: 'x', completed: false } },
      /dueDate/,
    ],
    [
      'a due date that is no date',
      { kind: 'task.create', contactId: SAM, body: { ...TASK, dueDate: 'tomorrow' } },
      /dueDate: must be an ISO 8601 date/,
    ],
    [
      'a blank title',
      { kind: 'task.create', contactId: SAM, body: { ...TASK, title: '  ' } },
      /title: must not be blank/,
    ],
    [
      'a task update with nothing in it',
      { kind: 'task.update', contactId: SAM, taskId: 't1', body: {} },
      /nothing to change/,
    ],
    [
      'a task update with a field of the wrong type',
      { kind: 'task.update', contactId: SAM, taskId: 't1', body: { completed: 'yes' } },
      /completed/,
    ],
    [
      'a note without a body',
      { kind: 'note.create', contactId: SAM, body: { title: 'x' } },
      /body/,
    ],
    [
      'a blank note',
      { kind: 'note.create', contactId: SAM, body: { body: ' ' } },
      /body: must not be blank/,
    ],
    [
      'an unknown note field',
      { kind: 'note.update', contactId: SAM, noteId: 'n1', body: { text: 'x' } },
      /text/,
    ],
    [
      // GHL refuses `gender` on PUT (highlevel-api-docs#314); it takes `companyName` there.
      'a contact update with a field GHL refuses there',
      { kind: 'contact.update', contactId: SAM, body: { gender: 'x' } },
      /gender/,
    ],
    [
      'a contact for another location',
      { kind: 'contact.create', body: { locationId: 'loc2', name: 'Jane' } },
      /locationId: must be the connected location/,
    ],
    [
      'a contact with nothing to find it by',
      { kind: 'contact.create', body: { city: 'Paris' } },
      /needs a name, email or phone/,
    ],
    [
      'an id that is not a GHL id',
      { kind: 'task.delete', contactId: '../x', taskId: 't1' },
      /contactId/,
    ],
    ['an unknown kind', { kind: 'task.explode', contactId: SAM }, /kind/],
  ])('refuses %s, naming the field', (_name, operation, field) => {
    const error = refusal(operation);
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(field);
    expect(error.message).toMatch(/^Not saved/);
  });

  it('fills in the connected location for a new contact', () => {
    const op = validateOperation(
      { kind: 'contact.create', body: { firstName: 'Jane', lastName: 'Doe' } },
      { locationId: LOC },
    );
    expect(op).toEqual({
      kind: 'contact.create',
      body: { firstName: 'Jane', lastName: 'Doe', locationId: LOC },
    });
  });

  it.each([
    { kind: 'task.create', contactId: SAM, body: TASK },
    { kind: 'task.update', contactId: SAM, taskId: 't1', body: { completed: true } },
    { kind: 'task.complete', contactId: SAM, taskId: 't1', completed: true },
    { kind: 'note.create', contactId: SAM, body: { body: 'Called, left a message', pinned: true } },
    { kind: 'contact.update', contactId: SAM, body: { email: null, phone: '+15550100' } },
    { kind: 'tags.add', contactId: SAM, tags: ['vip'] },
    { kind: 'note.delete', contactId: SAM, noteId: 'n1' },
  ])('accepts a valid $kind as it is', (operation) => {
    expect(validateOperation(operation, { locationId: LOC })).toEqual(operation);
  });
});
