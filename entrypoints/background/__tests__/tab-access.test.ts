import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MessageRefused } from '../message-router';
import { SANDBOX_TOKENS } from '@/sandbox/sandbox-fixtures';
import { backgroundUnderTest, JANE, SAM } from './sync-wiring-harness';

const TAB = 'trint-tab' as const;
const PAGE = 'extension-page' as const;
/** The Trint tab showing transcript t-1. */
const ON_T1 = { transcriptId: 't-1' };
const DUE = '2026-12-01T09:00:00.000Z';

/** Connected, t-1 linked to Jane and t-2 to Sam (linked from an extension page). */
async function twoLinks() {
  const h = backgroundUnderTest();
  await h.connect();
  await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
  await h.run(h.handlers['link/set']({ transcriptId: 't-2', contactId: SAM }, PAGE));
  return h;
}

// A content script runs beside a page it does not control: whatever reaches the background from
// a Trint tab may act on the transcript that tab shows, and on its linked contact, only.
describe('what a Trint tab may do', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads, links and unlinks its own transcript, and no other', async () => {
    const h = await twoLinks();
    const own = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, TAB, ON_T1));
    expect(own.link).toMatchObject({ contactId: JANE });

    for (const attempt of [
      () => h.handlers['transcript/get']({ transcriptId: 't-2' }, TAB, ON_T1),
      () => h.handlers['transcript/opened']({ transcriptId: 't-2' }, TAB, ON_T1),
      () => h.handlers['link/set']({ transcriptId: 't-2', contactId: JANE }, TAB, ON_T1),
      () => h.handlers['link/remove']({ transcriptId: 't-2' }, TAB, ON_T1),
      // A tab whose URL shows no transcript (the dashboard) works on none.
      () => h.handlers['transcript/get']({ transcriptId: 't-1' }, TAB, {}),
    ]) {
      await expect(h.run(attempt())).rejects.toBeInstanceOf(MessageRefused);
    }
    expect(await h.transcripts.linkOf('t-2')).toMatchObject({ contactId: SAM });
  });

  it('writes to its transcript’s contact only, and lists only those writes', async () => {
    const h = await twoLinks();
    const release = h.hold();
    const task = (contactId: string, title: string) => ({
      kind: 'task.create' as const,
      contactId,
      body: { title, dueDate: DUE, completed: false },
    });
    await h.run(
      h.handlers['outbox/enqueue'](
        { operation: task(JANE, 'Send proposal'), transcriptId: 't-1' },
        TAB,
        ON_T1,
      ),
    );
    await expect(
      h.run(
        h.handlers['outbox/enqueue'](
          { operation: task(SAM, 'Not mine'), transcriptId: 't-1' },
          TAB,
          ON_T1,
        ),
      ),
    ).rejects.toBeInstanceOf(MessageRefused);
    await expect(
      h.run(
        h.handlers['outbox/enqueue'](
          { operation: { kind: 'contact.delete', contactId: SAM }, transcriptId: 't-1' },
          TAB,
          ON_T1,
        ),
      ),
    ).rejects.toBeInstanceOf(MessageRefused);
    // Sam's write, queued from an extension page, is not the tab's business.
    await h.run(
      h.handlers['outbox/enqueue']({ operation: task(SAM, 'From the popup') }, PAGE, undefined),
    );

    const seenByTab = await h.run(h.handlers['outbox/list']({}, TAB, ON_T1));
    expect(seenByTab.map((job) => job.summary)).toEqual(['Create task ‘Send proposal’']);
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toHaveLength(2);

    release();
    await h.settle();
    const samTasks = (await h.inGhl(SAM)).tasks.map((t) => t.title);
    expect(samTasks).toContain('From the popup');
    expect(samTasks).not.toContain('Not mine');
  });
});

describe('what a Trint tab may retry or discard', () => {
  beforeEach(() => fakeBrowser.reset());

  it('only the failed writes of its own transcript and contact, and it sees only those', async () => {
    const h = backgroundUnderTest();
    // Read-only: every write fails for good, waiting for a person.
    await h.connect(SANDBOX_TOKENS.readOnly);
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    const note = (contactId: string, body: string) => ({
      kind: 'note.create' as const,
      contactId,
      body: { body },
    });
    const mine = await h.run(
      h.handlers['outbox/enqueue'](
        { operation: note(JANE, 'Mine'), transcriptId: 't-1' },
        TAB,
        ON_T1,
      ),
    );
    // Jane's write from the popup is about the tab's contact: the tab may act on it too.
    const janes = await h.run(
      h.handlers['outbox/enqueue']({ operation: note(JANE, 'Popup') }, PAGE),
    );
    const sams = await h.run(
      h.handlers['outbox/enqueue']({ operation: note(SAM, 'Not mine') }, PAGE),
    );
    await h.settle();
    expect((await h.outbox.summary()).failed).toBe(3);

    for (const type of ['outbox/retry', 'outbox/discard'] as const) {
      await expect(h.run(h.handlers[type]({ id: sams.id }, TAB, ON_T1))).rejects.toBeInstanceOf(
        MessageRefused,
      );
      await expect(
        h.run(h.handlers[type]({ id: mine.id }, TAB, { transcriptId: 't-2' })),
      ).rejects.toBeInstanceOf(MessageRefused);
    }
    const retried = await h.run(h.handlers['outbox/retry']({ id: mine.id }, TAB, ON_T1));
    expect(retried.map((job) => job.id).sort()).toEqual([mine.id, janes.id].sort());
    expect(retried.find((job) => job.id === mine.id)?.status).not.toBe('failed');
    const left = await h.run(h.handlers['outbox/discard']({ id: janes.id }, TAB, ON_T1));
    expect(left.map((job) => job.id)).toEqual([mine.id]);

    // Sam's write is untouched, and an extension page still sees it.
    const all = await h.run(h.handlers['outbox/list']({}, PAGE));
    expect(all.find((job) => job.id === sams.id)).toMatchObject({ status: 'failed' });
  });
});
