import { describe, expect, it } from 'vitest';
import { GhlError } from '@/utils/ghl/ghl-error';
import type { OutboxOperation } from '../../messaging/write-schemas';
import { decideAfterError } from '../outbox-retry';

const C = 'sbxContSamLee0000001';
const GONE = (what: string) =>
  `The ${what} no longer exists in GHL (it may have been deleted there), so the change was not made.`;
const notFound = new GhlError('not-found', 'PUT /contacts/:contactId', { status: 404 });

describe('a write GHL answers with not-found', () => {
  it.each<[string, OutboxOperation, string]>([
    // A task or note is made on a contact: a 404 there means the contact is gone.
    [
      'a task created',
      { kind: 'task.create', contactId: C, body: { title: 'x' } },
      'The contact no longer exists in GHL, so the change was not made.',
    ],
    [
      'a note created',
      { kind: 'note.create', contactId: C, body: { body: 'x' } },
      'The contact no longer exists in GHL, so the change was not made.',
    ],
    [
      'a contact created',
      { kind: 'contact.create', body: { firstName: 'Ada' } },
      'GHL could not find where to create it, so the change was not made.',
    ],
    ['a contact edited', { kind: 'contact.update', contactId: C, body: {} }, GONE('contact')],
    ['a tag added', { kind: 'tags.add', contactId: C, tags: ['vip'] }, GONE('contact')],
    ['a tag removed', { kind: 'tags.remove', contactId: C, tags: ['vip'] }, GONE('contact')],
    ['a task edited', { kind: 'task.update', contactId: C, taskId: 't1', body: {} }, GONE('task')],
    [
      'a task completed',
      { kind: 'task.complete', contactId: C, taskId: 't1', completed: true },
      GONE('task'),
    ],
    ['a note edited', { kind: 'note.update', contactId: C, noteId: 'n1', body: {} }, GONE('note')],
  ])('%s fails, saying what is gone', (_, op, message) => {
    expect(decideAfterError(op, notFound)).toEqual({ action: 'fail', message });
  });

  it.each<OutboxOperation>([
    { kind: 'contact.delete', contactId: C },
    { kind: 'task.delete', contactId: C, taskId: 't1' },
    { kind: 'note.delete', contactId: C, noteId: 'n1' },
  ])('$kind of something already gone is done', (op) => {
    expect(decideAfterError(op, notFound)).toEqual({ action: 'done' });
  });
});
