import { describe, expect, it, vi } from 'vitest';
import { GhlError } from '../../../ghl/ghl-error';
import type { GhlClient } from '../../../ghl/ghl-client';
import type { CacheDatabase } from '../../../db/open-cache-db';
import type { TranscriptLink } from '../../../db/cache-schema';
import type { OperationOf } from '../../../messaging/write-schemas';
import { panelRecordsOf } from './transcript-log-fixtures';
import { operation, show } from '../transcript-log';

const OP: OperationOf<'transcript.log'> = {
  kind: 'transcript.log',
  contactId: 'contJane',
  transcriptId: 'tr-alpha',
  body: { title: 'Transcript: Discovery call', body: 'https://app.trint.com/editor/tr-alpha' },
};

/** A GHL client whose notes answer as told, recording each call. */
function fakeGhl(update: () => Promise<unknown> = async () => ({ id: 'noteOld' })) {
  const calls: string[] = [];
  const notes = {
    create: vi.fn(async () => (calls.push('POST'), { id: 'noteNew' })),
    update: vi.fn(async (_c: string, id: string) => (calls.push(`PUT ${id}`), update())),
  };
  return { ghl: { notes } as unknown as GhlClient, calls };
}

/** A cache holding only the transcript's link. */
const dbWith = (link?: Partial<TranscriptLink>) =>
  ({
    get: async (store: string, key: string) =>
      store === 'links' && link && key === OP.transcriptId
        ? { transcriptId: key, locationId: 'loc', linkedAt: 1, contactId: OP.contactId, ...link }
        : undefined,
  }) as unknown as CacheDatabase;

describe('transcript.log: posts the first log, then updates its note', () => {
  it.each([
    ['no link record', undefined, ['POST']],
    ['a link without a log', {}, ['POST']],
    ['a link with a log', { logNoteId: 'noteOld' }, ['PUT noteOld']],
    ['a log made for another contact', { logNoteId: 'noteOld', contactId: 'contAna' }, ['POST']],
  ] as const)('%s', async (_, link, expected) => {
    const { ghl, calls } = fakeGhl();
    const result = await operation.send(ghl, OP, {}, { db: dbWith(link) });
    expect(calls).toEqual(expected);
    expect(result.kind).toBe('note');
  });

  it('posts again when the logged note was deleted in GHL (404 on the PUT)', async () => {
    const { ghl, calls } = fakeGhl(async () => {
      throw new GhlError('not-found', 'updateNote');
    });
    const result = await operation.send(ghl, OP, {}, { db: dbWith({ logNoteId: 'noteOld' }) });
    expect(calls).toEqual(['PUT noteOld', 'POST']);
    expect(result).toEqual({ kind: 'note', note: { id: 'noteNew' } });
  });

  it('does not post over any other failure of the PUT', async () => {
    const { ghl, calls } = fakeGhl(async () => {
      throw new GhlError('server', 'updateNote');
    });
    await expect(
      operation.send(ghl, OP, {}, { db: dbWith({ logNoteId: 'noteOld' }) }),
    ).rejects.toThrow(GhlError);
    expect(calls).toEqual(['PUT noteOld']);
  });

  it('shows over the earlier log while pending, or as a new note when there is none', () => {
    const over = panelRecordsOf([{ id: 'noteOld', body: 'old' }], 'noteOld');
    show(over, OP, { id: 'job1', createdAt: 0 });
    expect(over.notes).toEqual([
      { record: expect.objectContaining({ id: 'noteOld', body: OP.body.body }), pending: 'saving' },
    ]);
    const fresh = panelRecordsOf([{ id: 'noteOther', body: 'other' }], undefined);
    show(fresh, OP, { id: 'job1', createdAt: 0 });
    expect(fresh.notes).toHaveLength(2);
    expect(fresh.notes[1]).toMatchObject({ record: { title: OP.body.title }, pending: 'saving' });
  });

  it('says what it is in the outbox list', () => {
    expect(operation.describe(OP, {})).toBe('Log transcript ‘Discovery call’');
  });
});
