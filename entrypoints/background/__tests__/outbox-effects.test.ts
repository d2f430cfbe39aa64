import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NO_WRITE_SCOPE_REASON } from '@/utils/auth/connection-status';
import { completeJob } from '@/utils/outbox/outbox-cache';
import type { OutboxOperation } from '@/utils/messaging/write-schemas';
import type { StoredOutboxJob } from '@/utils/outbox/outbox-queue';
import { SANDBOX_TOKENS } from '@/sandbox/sandbox-fixtures';
import {
  backgroundUnderTest,
  JANE,
  LOCATION,
  SAM,
  type BackgroundUnderTest,
} from './sync-wiring-harness';

// An extension page may work on any transcript; a Trint tab's limits are tested on their own.
const PAGE = 'extension-page' as const;
const MINUTE = 60_000;

/** Links each transcript to the contact through the handlers, as a panel does. */
async function linked(h: BackgroundUnderTest, contactId: string, transcriptIds: string[]) {
  for (const transcriptId of transcriptIds) {
    await h.run(h.handlers['link/set']({ transcriptId, contactId }, PAGE));
  }
  h.told.length = 0;
}

/** Queues a write as the panel does and lets the outbox finish it, effects included. */
async function write(h: BackgroundUnderTest, operation: OutboxOperation, transcriptId?: string) {
  await h.run(h.handlers['outbox/enqueue']({ operation, transcriptId }, PAGE));
  await h.settle();
}

async function lines(h: BackgroundUnderTest, transcriptId: string) {
  const view = await h.run(h.handlers['transcript/get']({ transcriptId }, PAGE));
  return view.activity.map((a) => a.text);
}

describe('what follows a write GHL applied', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a task completed from a panel is on each linked timeline once, not again after a sync', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await linked(h, JANE, ['t-1', 't-2']);
    const task = (await h.inGhl(JANE)).tasks.find((t) => !t.completed)!;
    const line = `Task ‘${task.title}’ completed — Jane Doe, 26 Nov 2026`;

    await write(h, { kind: 'task.complete', contactId: JANE, taskId: task.id, completed: true });
    expect((await h.inGhl(JANE)).tasks.find((t) => t.id === task.id)?.completed).toBe(true);
    for (const id of ['t-1', 't-2']) {
      expect((await lines(h, id)).filter((text) => text === line)).toHaveLength(1);
    }
    expect(h.told.map((c) => c.transcriptId).sort()).toEqual(['t-1', 't-2']);
    expect(h.told[0]).toMatchObject({ contactId: JANE, what: ['tasks', 'activity'] });

    // The panel opens (a refresh at once), then the scheduled sync: GHL's task is as cached.
    await h.run(h.handlers['transcript/opened']({ transcriptId: 't-1' }, PAGE));
    await h.fake.advance(61 * MINUTE);
    const status = await h.run(h.handlers['sync/now']({}, 'extension-page'));
    expect(status.lastRun).toMatchObject({ contactsChecked: 1, outcome: 'ok' });
    for (const id of ['t-1', 't-2']) {
      expect((await lines(h, id)).filter((text) => text === line)).toHaveLength(1);
    }
  });

  it('a contact created from a transcript is linked to it', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await write(
      h,
      {
        kind: 'contact.create',
        body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      },
      't-5',
    );

    const created = [...h.sandbox.state.data.contacts.values()].filter(
      (c) => c.email === 'ada@example.com',
    );
    expect(created).toHaveLength(1);
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-5' }, PAGE));
    expect(view.link).toMatchObject({ contactId: created[0]!.id });
    expect(view.activity.map((a) => a.text)).toEqual([
      'Transcript linked — Ada Lovelace, 26 Nov 2026',
    ]);
    expect(await h.transcripts.linkedTranscripts(created[0]!.id)).toEqual(['t-5']);
    expect(h.told).toContainEqual({
      transcriptId: 't-5',
      contactId: created[0]!.id,
      what: ['link'],
    });
  });

  it('a contact created just before the worker stopped is linked when it starts again', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    const db = await h.db.get();
    const now = h.fake.now();
    const job: StoredOutboxJob = {
      id: 'job-1',
      createdAt: now,
      operation: { kind: 'contact.create', body: { firstName: 'Ada', email: 'ada@example.com' } },
      status: 'sending',
      attempts: 0,
      nextAttemptAt: now,
      sentAt: now,
      locationId: LOCATION,
      transcriptId: 't-5',
    };
    await db.put('outbox', job);
    // GHL created it, the outbox recorded that, and the worker stopped before linking.
    const { ghl } = await h.run(h.connection.client());
    const contact = await h.run(
      ghl.contacts.create({ firstName: 'Ada', email: 'ada@example.com', locationId: LOCATION }),
    );
    await h.run(completeJob(db, job, { kind: 'contact', contact }, now));

    await h.settle(); // the next start
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-5' }, PAGE));
    expect(view.link).toMatchObject({ contactId: contact.id });
    expect(view.activity.map((a) => a.text)).toEqual(['Transcript linked — Ada, 26 Nov 2026']);
    expect(await db.count('outbox')).toBe(0);
  });

  it('a tag added from a panel shows on the transcript at once, and no sync says GHL changed it', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await linked(h, JANE, ['t-1']);

    await write(h, { kind: 'tags.add', contactId: JANE, tags: ['vip'] });
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, PAGE));
    expect(view.fields?.Tags?.split(', ')).toContain('vip');
    expect(h.told).toContainEqual({ transcriptId: 't-1', contactId: JANE, what: ['tags'] });

    await h.fake.advance(61 * MINUTE);
    await h.run(h.handlers['sync/now']({}, PAGE));
    expect((await lines(h, 't-1')).filter((text) => text.startsWith('Contact updated'))).toEqual(
      [],
    );
  });

  it('a contact created without a transcript links nothing', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await write(h, {
      kind: 'contact.create',
      body: { firstName: 'Grace', email: 'g@example.com' },
    });

    const db = await h.db.get();
    expect(await db.getAll('links')).toEqual([]);
    expect(h.told).toEqual([]);
  });

  it('a contact deleted from a panel takes its links with it; the transcripts stay', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await linked(h, SAM, ['t-1', 't-2']);
    await linked(h, JANE, ['t-3']);

    await write(h, { kind: 'contact.delete', contactId: SAM });
    await expect(h.inGhl(SAM)).rejects.toThrow(/404/);
    expect(await h.transcripts.linkedTranscripts(SAM)).toEqual([]);
    for (const id of ['t-1', 't-2']) {
      const view = await h.run(h.handlers['transcript/get']({ transcriptId: id }, PAGE));
      expect(view.link).toBeUndefined();
      expect(view.activity[0]).toMatchObject({ kind: 'unlinked', contactId: SAM });
      // Named, though the cache no longer holds the contact by the time the link goes.
      expect(view.activity[0]!.text).toBe('Transcript unlinked — Sam Lee, 26 Nov 2026');
    }
    expect(h.told.map((c) => c.transcriptId).sort()).toEqual(['t-1', 't-2']);
    expect(await h.transcripts.linkedTranscripts(JANE)).toEqual(['t-3']);
  });

  it('a write that failed for good is told once, with what it was and why', async () => {
    const h = backgroundUnderTest();
    await h.connect(SANDBOX_TOKENS.readOnly);
    await write(h, {
      kind: 'task.create',
      contactId: SAM,
      body: { title: 'Book a demo', dueDate: '2026-12-01T09:00:00.000Z', completed: false },
    });

    expect(await h.outbox.summary()).toMatchObject({ failed: 1 });
    expect(h.notice.mock.calls).toEqual([
      ['missing-scope', `Create task ‘Book a demo’: ${NO_WRITE_SCOPE_REASON}`],
    ]);
    expect(h.told).toEqual([]);
  });

  it('names the record in the notice, as the popup does', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await linked(h, SAM, ['t-1']);
    const task = (await h.inGhl(SAM)).tasks[0]!;
    await h.control('DELETE', `contacts/${SAM}/tasks/${task.id}`);
    await write(h, { kind: 'task.complete', contactId: SAM, taskId: task.id, completed: true });

    expect(h.notice.mock.calls).toEqual([
      [
        'not-found',
        `Complete task ‘${task.title}’: The task no longer exists in GHL (it may have been deleted there), so the change was not made.`,
      ],
    ]);
  });

  it('a write GHL refused as gone is told with the reason GHL gave', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await write(h, {
      kind: 'note.update',
      contactId: SAM,
      noteId: 'noSuchNote0000000001',
      body: { body: 'Edited' },
    });

    expect(h.notice.mock.calls).toEqual([
      [
        'not-found',
        'Edit note: The note no longer exists in GHL (it may have been deleted there), so the change was not made.',
      ],
    ]);
  });
});
