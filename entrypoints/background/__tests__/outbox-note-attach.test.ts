import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { OutboxOperation } from '@/utils/messaging/write-schemas';
import { JANE } from './sync-wiring-harness';
import { janeOnTwo, PAGE, view, write } from './jane-on-two-transcripts';

const MINUTE = 60_000;
const note = (body: string): OutboxOperation => ({
  kind: 'note.create',
  contactId: JANE,
  body: { body },
});

describe('a note written from a panel', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is attached to its transcript once GHL has it, even with pinned notes only', async () => {
    const h = await janeOnTwo('pinned');
    await write(h, note('Budget approved'), 't-1');
    await write(h, note('Written in the popup'));

    const one = await view(h, 't-1');
    expect(one.notes.map((n) => n.body)).toContain('Budget approved');
    expect(one.notes.map((n) => n.body)).not.toContain('Written in the popup');
    expect(one.activity[0]?.text).toBe('Note ‘Budget approved’ attached — Jane Doe, 26 Nov 2026');
    // Another transcript of Jane follows the setting: unpinned notes are not attached there.
    expect((await view(h, 't-2')).notes.map((n) => n.body)).not.toContain('Budget approved');
    expect(h.told).toContainEqual({
      transcriptId: 't-1',
      contactId: JANE,
      what: ['note', 'notes', 'activity'],
    });
  });

  it('is narrated once on its transcript, not again by the next sync', async () => {
    const h = await janeOnTwo('all');
    await write(h, note('Call on Monday'), 't-1');
    expect((await view(h, 't-1')).notes.map((n) => n.body)).toContain('Call on Monday');

    await h.fake.advance(61 * MINUTE);
    await h.run(h.handlers['sync/now']({}, PAGE));
    const attached = (await view(h, 't-1')).activity.filter((a) =>
      a.text.startsWith('Note ‘Call on Monday’ attached'),
    );
    expect(attached).toHaveLength(1);
    // The other transcript of Jane gets it from the sync, as any new note.
    expect((await view(h, 't-2')).notes.map((n) => n.body)).toContain('Call on Monday');
  });

  it('stays attached through later syncs with pinned notes only, until GHL deletes it', async () => {
    const h = await janeOnTwo('pinned');
    await write(h, note('Keep me on t-1'), 't-1');
    const written = (await view(h, 't-1')).notes.find((n) => n.body === 'Keep me on t-1')!;

    await h.fake.advance(61 * MINUTE);
    await h.run(h.handlers['sync/now']({}, PAGE));
    const after = await view(h, 't-1');
    expect(after.notes.map((n) => n.body)).toContain('Keep me on t-1');
    expect(after.activity.map((a) => a.text).join('\n')).not.toContain('removed');

    await write(h, { kind: 'note.delete', contactId: JANE, noteId: written.id });
    await h.fake.advance(61 * MINUTE);
    await h.run(h.handlers['sync/now']({}, PAGE));
    expect((await view(h, 't-1')).notes.map((n) => n.body)).not.toContain('Keep me on t-1');
  });
});
