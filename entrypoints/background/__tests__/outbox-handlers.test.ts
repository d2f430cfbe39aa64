import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SANDBOX_TOKENS } from '@/sandbox/sandbox-fixtures';
import { backgroundUnderTest, JANE, SAM } from './sync-wiring-harness';
import { DUE, janeLinked, PAGE } from './jane-linked';

describe('outbox message handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('outbox/enqueue stores the write, outbox/list shows it, and it reaches GHL', async () => {
    const h = await janeLinked();
    const release = h.hold();
    const job = await h.run(
      h.handlers['outbox/enqueue'](
        {
          operation: {
            kind: 'task.create',
            contactId: JANE,
            body: { title: 'Book a demo', dueDate: DUE, completed: false },
          },
          transcriptId: 't-1',
        },
        PAGE,
      ),
    );
    expect(job).toMatchObject({
      kind: 'task.create',
      summary: 'Create task ‘Book a demo’',
      transcriptId: 't-1',
      contactId: JANE,
    });
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toMatchObject([{ id: job.id }]);
    expect((await h.inGhl(JANE)).tasks.filter((t) => t.title === 'Book a demo')).toEqual([]);

    release();
    await h.settle();
    expect((await h.inGhl(JANE)).tasks.filter((t) => t.title === 'Book a demo')).toHaveLength(1);
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toEqual([]);
  });

  it('outbox/retry sends a failed write again, once the cause is fixed', async () => {
    const h = backgroundUnderTest();
    await h.connect(SANDBOX_TOKENS.readOnly);
    const job = await h.run(
      h.handlers['outbox/enqueue'](
        { operation: { kind: 'note.create', contactId: SAM, body: { body: 'Retry me' } } },
        PAGE,
      ),
    );
    await h.settle();
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toMatchObject([
      { id: job.id, status: 'failed', error: { kind: 'missing-scope' } },
    ]);

    await h.run(h.connection.replacePrivateToken({ token: SANDBOX_TOKENS.readWrite }));
    const listed = await h.run(h.handlers['outbox/retry']({ id: job.id }, PAGE));
    expect(listed).toMatchObject([{ id: job.id, attempts: 0 }]);
    expect(listed[0]!.status).not.toBe('failed');
    await h.settle();
    expect((await h.inGhl(SAM)).notes.filter((n) => n.body === 'Retry me')).toHaveLength(1);
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toEqual([]);
  });

  it('outbox/discard deletes a failed write, sending nothing', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    const job = await h.run(
      h.handlers['outbox/enqueue'](
        {
          operation: {
            kind: 'task.complete',
            contactId: SAM,
            taskId: 'noSuchTask0000000001',
            completed: true,
          },
        },
        PAGE,
      ),
    );
    await h.settle();
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toMatchObject([
      { id: job.id, status: 'failed', error: { kind: 'not-found' } },
    ]);
    const sent = h.sandbox.state.counters.total;

    expect(await h.run(h.handlers['outbox/discard']({ id: job.id }, PAGE))).toEqual([]);
    await h.settle();
    expect(await h.outbox.summary()).toEqual({ pending: 0, waiting: 0, failed: 0 });
    expect(h.sandbox.state.counters.total).toBe(sent);
  });
});
