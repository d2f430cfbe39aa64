import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CacheDatabase } from '../../db/open-cache-db';
import {
  JANE,
  LOCATION,
  SAM,
  syncUnderTest,
  type SyncHarness,
} from '../../sync/__tests__/sync-harness';
import { defaultMapping } from '../../mapping/default-mapping';
import { PREVIEW_CONTACT_LIMIT, previewMapping } from '../mapping-preview';
import { reshapedMapping } from '../../mapping/__tests__/mapping-fixtures';

/** t-1 and t-2 linked to Jane, t-3 to Sam, all synced once. */
async function linkedAndSynced() {
  const h = syncUnderTest();
  await h.link('t-1', JANE);
  await h.link('t-2', JANE);
  await h.link('t-3', SAM);
  await h.run();
  return h;
}

/** Everything the preview could touch, to compare before and after. */
async function everything(db: CacheDatabase) {
  const stores = [
    'contacts',
    'links',
    'transcripts',
    'tasks',
    'notes',
    'meta',
    'activity',
  ] as const;
  return Promise.all(stores.map((store) => db.getAll(store)));
}

function preview(h: SyncHarness, fresh: boolean, mapping = reshapedMapping()) {
  return h.db
    .get()
    .then((db) =>
      h.drive(
        previewMapping({ db, connection: h.deps.connection, timeZone: 'UTC' }, mapping, { fresh }),
      ),
    );
}

describe('previewing a mapping', () => {
  beforeEach(() => fakeBrowser.reset());

  it('from the cache: the before/after of every record, nothing written, GHL not asked', async () => {
    const h = await linkedAndSynced();
    const db = await h.db.get();
    const cached = await everything(db);
    const traffic = h.sandbox.state.counters.total;

    const answer = await preview(h, false);

    expect(answer).toMatchObject({ unchanged: 0, missing: 0, requests: 0 });
    expect(answer.transcripts.map((t) => t.transcriptId).sort()).toEqual(['t-1', 't-2', 't-3']);
    const jane = answer.transcripts.find((t) => t.transcriptId === 't-1')!;
    expect(jane).toMatchObject({ contactId: JANE, contactName: 'Jane Doe' });
    expect(jane.changes).toContainEqual({ label: 'Company', after: 'Acme Corp' });
    expect(jane.changes).toContainEqual({ label: 'Organisation', before: 'Acme Corp' });
    expect(jane.changes).toContainEqual({ label: 'Deal stage', after: expect.any(String) });
    expect(jane.changes.map((c) => c.label)).not.toContain('Email');

    expect(await everything(db)).toEqual(cached);
    expect(h.sandbox.state.counters.total).toBe(traffic);

    // The live mapping itself changes nothing.
    expect(await preview(h, false, defaultMapping())).toMatchObject({
      transcripts: [],
      unchanged: 3,
      requests: 0,
    });
  });

  it('fresh: one GET per linked contact, what GHL says now, still nothing written', async () => {
    const h = await linkedAndSynced();
    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
    const db = await h.db.get();
    const cached = await everything(db);
    const { counters } = h.sandbox.state;
    const before = { ...counters.byEndpoint };
    const total = counters.total;

    const answer = await preview(h, true, defaultMapping());

    expect(answer).toMatchObject({ requests: 2, unchanged: 1, missing: 0 });
    expect(answer.transcripts.map((t) => t.transcriptId).sort()).toEqual(['t-1', 't-2']);
    expect(answer.transcripts[0]!.changes).toContainEqual({
      label: 'Email',
      before: 'jane.doe@acme.example',
      after: 'jane@new.example',
    });
    expect(counters.total - total).toBe(2);
    expect(counters.byEndpoint['GET /contacts/:contactId']).toBe(
      (before['GET /contacts/:contactId'] ?? 0) + 2,
    );
    // GHL's answer is not stored: the cache and the records are as they were.
    expect(await everything(db)).toEqual(cached);
  });

  it('fresh: a contact GHL no longer has is previewed from the cache', async () => {
    const h = await linkedAndSynced();
    h.sandbox.state.deleteContact(SAM);
    const answer = await preview(h, true);
    expect(answer.requests).toBe(2);
    expect(answer.transcripts.map((t) => t.transcriptId).sort()).toEqual(['t-1', 't-2', 't-3']);
  });

  it(`fresh: reads at most ${PREVIEW_CONTACT_LIMIT} contacts; the rest come from the cache or are missing`, async () => {
    const h = syncUnderTest();
    h.sandbox.state.reset({ contacts: PREVIEW_CONTACT_LIMIT + 10 });
    const ids = [...h.sandbox.state.data.contacts.keys()].slice(0, PREVIEW_CONTACT_LIMIT + 5);
    const db = await h.db.get();
    // Linked, with a snapshot, but none of these contacts is cached.
    for (const [i, contactId] of ids.entries()) {
      const transcriptId = `t-${i}`;
      await db.put('links', { transcriptId, contactId, locationId: LOCATION, linkedAt: 1 });
      await db.put('transcripts', { transcriptId, noteIds: [], fields: {}, snapshotAt: 1 });
    }

    const answer = await preview(h, true);

    expect(answer.requests).toBe(PREVIEW_CONTACT_LIMIT);
    expect(h.sandbox.state.counters.total).toBe(PREVIEW_CONTACT_LIMIT);
    expect(answer.transcripts).toHaveLength(PREVIEW_CONTACT_LIMIT);
    expect(answer.missing).toBe(5);
    expect(await db.count('contacts')).toBe(0);
  });

  it('counts as missing a record whose contact is not cached', async () => {
    const h = await linkedAndSynced();
    const db = await h.db.get();
    await db.put('links', {
      transcriptId: 't-9',
      contactId: 'gone',
      locationId: LOCATION,
      linkedAt: 1,
    });
    await db.put('transcripts', {
      transcriptId: 't-9',
      noteIds: [],
      fields: { Name: 'X' },
      snapshotAt: 1,
    });
    expect(await preview(h, false)).toMatchObject({ missing: 1, requests: 0 });
  });
});
