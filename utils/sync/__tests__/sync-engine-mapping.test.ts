import { describe, expect, it } from 'vitest';
import type { FieldMapping, MappingRule } from '../../mapping/field-mapping';
import { recomputeRecords } from '../../mapping/mapping-apply';
import { JANE, syncUnderTest, type SyncHarness } from './sync-harness';

const MINUTE = 60_000;

/** A mapping of a person's own: other labels, a transform, a bookkeeping field. */
const rules: MappingRule[] = [
  {
    id: 'first',
    source: { kind: 'standard', field: 'name' },
    target: { kind: 'field', field: 'speakerName' },
    transform: { kind: 'name-part', part: 'first' },
    showOnCard: false,
  },
  {
    id: 'work-email',
    source: { kind: 'standard', field: 'email' },
    target: { kind: 'custom', label: 'Work email' },
    showOnCard: true,
  },
  {
    id: 'updated',
    source: { kind: 'standard', field: 'dateUpdated' },
    target: { kind: 'custom', label: 'Changed' },
    transform: { kind: 'date', style: 'iso' },
    showOnCard: true,
  },
];
const MAPPING: FieldMapping = { version: 2, rules };

async function nextRun(h: SyncHarness) {
  await h.fake.advance(61 * MINUTE);
  return h.run();
}
const fields = async (h: SyncHarness) =>
  (await (await h.db.get()).get('transcripts', 't-1'))!.fields;
const lines = async (h: SyncHarness) => (await h.view('t-1')).activity.map((a) => a.text);

describe('sync engine: the field mapping', () => {
  it('records keep the fields the live mapping names, and lines name its labels', async () => {
    const h = syncUnderTest();
    h.state.mapping = structuredClone(MAPPING);
    await h.link('t-1', JANE, 'Jane Doe');
    await h.run();
    const ghl = await h.control<{ contact: { email: string } }>('GET', `contacts/${JANE}`);
    expect(Object.keys((await fields(h))!)).toEqual(['Speaker name', 'Work email', 'Changed']);
    expect(await fields(h)).toMatchObject({
      'Speaker name': 'Jane',
      'Work email': ghl.contact.email,
      Changed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
    await nextRun(h);
    expect((await lines(h))[0]).toBe('Contact updated in GHL: Work email — Jane Doe, 26 Nov 2026');

    // A field the mapping does not read: GHL's dateUpdated moves, but that is bookkeeping.
    await h.control('PATCH', `contacts/${JANE}`, { phone: '+15550000002' });
    await nextRun(h);
    expect((await lines(h))[0]).toBe('Contact updated in GHL — Jane Doe, 26 Nov 2026');
  });

  it('a save that lands while a run is reading GHL wins: the run writes the saved mapping', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE, 'Jane Doe');
    await h.run();
    // The run below read the default mapping at its start; the save lands before it writes.
    await recomputeRecords(await h.db.get(), MAPPING);
    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
    await nextRun(h);
    expect(await fields(h)).toMatchObject({ 'Work email': 'jane@new.example' });
    expect(await fields(h)).not.toHaveProperty('Organisation');
    expect((await lines(h))[0]).toBe('Contact updated in GHL: Work email — Jane Doe, 26 Nov 2026');
  });

  it('reads the mapping at the start of every run', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE, 'Jane Doe');
    await h.run();
    expect(await fields(h)).toHaveProperty('Organisation', 'Acme Corp');
    h.state.mapping = structuredClone(MAPPING);
    const run = await nextRun(h);
    expect(run.changes).toBe(0);
    expect(await fields(h)).not.toHaveProperty('Organisation');
    expect(await fields(h)).toHaveProperty('Work email');
    expect(await lines(h)).toHaveLength(1);
  });
});
