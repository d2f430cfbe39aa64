import { describe, expect, it } from 'vitest';
import { OUTBOX_WRITE } from '../../ghl/retry-policy';
import type { OutboxOperation } from '../../messaging/write-schemas';
import { DUE, outboxUnderTest, SAM } from './outbox-harness';

// The most GHL requests one write can cause over its whole life (utils/ghl/retry-policy.ts):
// the outbox owns retrying writes, the client never repeats a request GHL may have acted on, so
// a write GHL keeps failing is sent OUTBOX_WRITE.maxAttempts (10) times, then stops as failed.

const TASK = 'sbxTask000000000000D';
const WRITES: [string, OutboxOperation][] = [
  ['a task edit', { kind: 'task.update', contactId: SAM, taskId: TASK, body: { title: 'X' } }],
  ['a task completed', { kind: 'task.complete', contactId: SAM, taskId: TASK, completed: true }],
  ['a note deleted', { kind: 'note.delete', contactId: SAM, noteId: 'sbxNoteX' }],
  ['a tag added', { kind: 'tags.add', contactId: SAM, tags: ['vip'] }],
  ['a contact edited', { kind: 'contact.update', contactId: SAM, body: { city: 'Oslo' } }],
];

const serverError = () =>
  Promise.resolve(new Response('{"message":"down"}', { status: 500, statusText: 'Error' }));

describe('the most GHL requests one write can cause', () => {
  it.each(WRITES)('%s GHL keeps failing: %#, ten requests in all, then failed', async (_, op) => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    await h.run(outbox.enqueue(op));
    h.hooks.onRequest = serverError;
    await h.settle(outbox);

    expect(await outbox.list()).toMatchObject([{ status: 'failed', attempts: 10 }]);
    expect(h.requests).toHaveLength(OUTBOX_WRITE.maxAttempts);
  });

  it('a create whose every POST fails, but whose look-ups answer: ten POSTs, a look-up before each resend', async () => {
    const h = outboxUnderTest();
    const outbox = h.outbox();
    const create: OutboxOperation = {
      kind: 'task.create',
      contactId: SAM,
      body: { title: 'Never made', dueDate: DUE, completed: false },
    };
    await h.run(outbox.enqueue(create));
    h.hooks.onRequest = (name) => (name.startsWith('POST') ? serverError() : undefined);
    await h.settle(outbox);

    expect(await outbox.list()).toMatchObject([{ status: 'failed', attempts: 10 }]);
    const posts = h.requests.filter((name) => name.startsWith('POST'));
    const lookUps = h.requests.filter((name) => name.startsWith('GET'));
    expect(posts).toHaveLength(OUTBOX_WRITE.maxAttempts);
    expect(lookUps).toHaveLength(OUTBOX_WRITE.maxAttempts - 1);
  });
});
