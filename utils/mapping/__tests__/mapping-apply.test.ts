import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { JANE, LOCATION, OMAR, SAM, syncUnderTest } from '../../sync/__tests__/sync-harness';
import { defaultMapping } from '../default-mapping';
import {
  MAPPING_APPLIED_KEY,
  mappingHash,
  recomputeIfMappingChanged,
  recomputeRecords,
} from '../mapping-apply';
import { reshapedMapping } from './mapping-fixtures';

const UTC = { timeZone: 'UTC' };

/** t-1 and t-2 linked to Jane, t-3 to Sam, all synced once. */
async function linkedAndSynced() {
  const h = syncUnderTest();
  await h.link('t-1', JANE);
  await h.link('t-2', JANE);
  await h.link('t-3', SAM);
  await h.run();
  return h;
}

describe('recomputing the records with a mapping', () => {
  beforeEach(() => fakeBrowser.reset());

  it('recomputes every linked record from the cache in one go, asking GHL nothing', async () => {
    const h = await linkedAndSynced();
    const db = await h.db.get();
    const before = await db.get('transcripts', 't-1');
    expect(before?.fields).toMatchObject({ Organisation: 'Acme Corp' });
    const traffic = h.arrivals.length;

    const changed = await recomputeRecords(db, reshapedMapping(), UTC);

    expect(changed).toEqual(
      expect.arrayContaining([
        { transcriptId: 't-1', contactId: JANE },
        { transcriptId: 't-2', contactId: JANE },
        { transcriptId: 't-3', contactId: SAM },
      ]),
    );
    expect(changed).toHaveLength(3);
    const after = await db.get('transcripts', 't-1');
    expect(after?.fields).toMatchObject({ Company: 'Acme Corp', 'Speaker name': 'Jane Doe' });
    expect(after?.fields?.['Deal stage']).toEqual(expect.any(String));
    expect(after?.fields).not.toHaveProperty('Organisation');
    // The contact data is as old as it was; only its reading changed.
    expect(after?.snapshotAt).toBe(before?.snapshotAt);
    expect(after?.noteIds).toEqual(before?.noteIds);
    expect(h.arrivals).toHaveLength(traffic);
    expect(await db.get('meta', MAPPING_APPLIED_KEY)).toEqual({
      hash: mappingHash(reshapedMapping()),
      mapping: reshapedMapping(),
    });

    // The same mapping again changes nothing.
    expect(await recomputeRecords(db, reshapedMapping(), UTC)).toEqual([]);
  });

  it('leaves alone records whose contact is not cached, or that have no snapshot yet', async () => {
    const h = await linkedAndSynced();
    const db = await h.db.get();
    // Linked before its contact was ever synced: the first sync takes it as the baseline.
    await h.link('t-4', OMAR);
    // A contact the cache no longer has (evicted), with the fields it had.
    await db.put('links', {
      transcriptId: 't-5',
      contactId: 'gone',
      locationId: LOCATION,
      linkedAt: 1,
    });
    const evicted = {
      transcriptId: 't-5',
      noteIds: [],
      fields: { Name: 'Old Name' },
      snapshotAt: 1,
    };
    await db.put('transcripts', evicted);
    const omar = await db.get('transcripts', 't-4');

    const changed = await recomputeRecords(db, reshapedMapping(), UTC);

    expect(changed.map((c) => c.transcriptId).sort()).toEqual(['t-1', 't-2', 't-3']);
    expect(await db.get('transcripts', 't-5')).toEqual(evicted);
    expect(await db.get('transcripts', 't-4')).toEqual(omar);
  });

  it('at a start, recomputes once per mapping change: 0.1 records move to the new labels', async () => {
    const h = await linkedAndSynced();
    const db = await h.db.get();
    // As 0.1 left them: its own labels, and no note of a mapping applied.
    const old = await db.get('transcripts', 't-1');
    await db.put('transcripts', { ...old!, fields: { Name: 'Jane Doe', Company: 'Acme Corp' } });
    await db.delete('meta', MAPPING_APPLIED_KEY);

    const first = await recomputeIfMappingChanged(db, defaultMapping(), UTC);
    expect(first).toEqual([{ transcriptId: 't-1', contactId: JANE }]);
    expect((await db.get('transcripts', 't-1'))?.fields).toMatchObject({
      'Speaker name': 'Jane Doe',
      Organisation: 'Acme Corp',
    });
    expect((await db.get('transcripts', 't-1'))?.fields).not.toHaveProperty('Name');

    // Unchanged mapping: nothing is read or written, even a record that drifted stays.
    await db.put('transcripts', { ...old!, fields: { Name: 'Drifted' } });
    expect(await recomputeIfMappingChanged(db, defaultMapping(), UTC)).toBeUndefined();
    expect((await db.get('transcripts', 't-1'))?.fields).toEqual({ Name: 'Drifted' });

    // Another mapping: every record again.
    const next = await recomputeIfMappingChanged(db, reshapedMapping(), UTC);
    expect(next).toHaveLength(3);
    expect(await recomputeIfMappingChanged(db, reshapedMapping(), UTC)).toBeUndefined();
  });
});
