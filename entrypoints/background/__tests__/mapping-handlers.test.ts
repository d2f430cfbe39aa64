import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type FieldMapping } from '@/utils/mapping/field-mapping';
import { defaultMapping } from '@/utils/mapping/default-mapping';
import { MAPPING_APPLIED_KEY } from '@/utils/mapping/mapping-apply';
import { readMapping } from '@/utils/storage/mapping-store';
import { reshapedMapping } from '@/utils/mapping/__tests__/mapping-fixtures';
import { safeErrorInfo } from '../message-router';
import { sandboxGhlOf } from '@/sandbox/sandbox-ghl';
import { applyStoredMapping, createMappingHandlers } from '../mapping-handlers';
import { backgroundUnderTest, JANE, SAM, type BackgroundUnderTest } from './sync-wiring-harness';
import { MAPPING_KEY } from '@/utils/storage/field-mapping-item';

const PAGE = 'extension-page' as const;

/** Connected, t-1 and t-2 linked to Jane and t-3 to Sam through the panel's handler. */
async function linked() {
  const h = backgroundUnderTest();
  await h.connect();
  for (const [transcriptId, contactId] of [
    ['t-1', JANE],
    ['t-2', JANE],
    ['t-3', SAM],
  ] as const) {
    await h.run(h.handlers['link/set']({ transcriptId, contactId }, PAGE));
  }
  h.told.length = 0;
  return { h, mapping: mappingHandlers(h) };
}

function mappingHandlers(h: BackgroundUnderTest) {
  return createMappingHandlers({
    db: h.db,
    connection: h.connection,
    sandbox: async () => sandboxGhlOf(h.sandbox),
    tell: h.tell,
    timeZone: 'UTC',
  });
}

async function records(h: BackgroundUnderTest) {
  return (await h.db.get()).getAll('transcripts');
}

/** Two rules filling "Email". */
function withProblem(): FieldMapping {
  const mapping = defaultMapping();
  return {
    ...mapping,
    rules: [
      ...mapping.rules,
      {
        id: 'work-email',
        source: { kind: 'standard', field: 'email' },
        target: { kind: 'custom', label: 'email' },
        showOnCard: true,
      },
    ],
  };
}

describe('mapping message handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('mapping/get answers the default until one is saved', async () => {
    const { mapping } = await linked();
    expect(await mapping['mapping/get']({}, PAGE)).toEqual({ mapping: defaultMapping() });
  });

  it('mapping/save makes it live: records recomputed from the cache, panels told, no GHL request', async () => {
    const { h, mapping } = await linked();
    const traffic = h.sandbox.state.counters.total;

    const answer = await h.run(mapping['mapping/save']({ mapping: reshapedMapping() }, PAGE));

    expect(answer).toEqual({ mapping: reshapedMapping(), updated: 3 });
    expect(await readMapping()).toEqual(reshapedMapping());
    expect(h.sandbox.state.counters.total).toBe(traffic);
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, PAGE));
    expect(view.fields).toMatchObject({ Company: 'Acme Corp' });
    expect(view.mapped?.map((m) => m.label)).toContain('Deal stage');
    expect(view.mapped?.map((m) => m.label)).not.toContain('Organisation');
    expect(h.told).toEqual(
      expect.arrayContaining([
        { transcriptId: 't-1', contactId: JANE, what: ['contact'] },
        { transcriptId: 't-2', contactId: JANE, what: ['contact'] },
        { transcriptId: 't-3', contactId: SAM, what: ['contact'] },
      ]),
    );
    expect(h.told).toHaveLength(3);

    // Saved again as it is: nothing to recompute, nobody to tell.
    h.told.length = 0;
    expect(
      await h.run(mapping['mapping/save']({ mapping: reshapedMapping() }, PAGE)),
    ).toMatchObject({
      updated: 0,
    });
    expect(h.told).toEqual([]);
    expect(h.sandbox.state.counters.total).toBe(traffic);
  });

  it('a card toggle changes no record, yet every linked panel re-reads', async () => {
    const { h, mapping } = await linked();
    const next = defaultMapping();
    next.rules = next.rules.map((rule) =>
      rule.id === 'phone' ? { ...rule, showOnCard: false } : rule,
    );
    const before = await records(h);

    expect(await h.run(mapping['mapping/save']({ mapping: next }, PAGE))).toMatchObject({
      updated: 0,
    });

    expect(await records(h)).toEqual(before);
    expect(h.told.map((c) => c.transcriptId).sort()).toEqual(['t-1', 't-2', 't-3']);
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, PAGE));
    expect(view.mapped?.find((m) => m.label === 'Phone')).toMatchObject({ onCard: false });
  });

  it('a mapping with problems is refused with them listed; the stored mapping and records stay', async () => {
    const { h, mapping } = await linked();
    await h.run(mapping['mapping/save']({ mapping: reshapedMapping() }, PAGE));
    const before = await records(h);
    h.told.length = 0;

    const refused = await mapping['mapping/save']({ mapping: withProblem() }, PAGE).catch((e) => e);

    expect(safeErrorInfo(refused)).toEqual({
      kind: 'refused',
      message: expect.stringContaining('Two rules fill ‘email’'),
    });
    expect(safeErrorInfo(refused).message).toMatch(/^The field mapping was not saved: /);
    expect(await readMapping()).toEqual(reshapedMapping());
    expect(await records(h)).toEqual(before);
    expect(h.told).toEqual([]);
    await expect(
      mapping['mapping/preview']({ mapping: withProblem(), fresh: false }, PAGE),
    ).rejects.toThrow(/cannot be previewed/);
  });

  it('mapping/preview writes nothing: from the cache asks GHL nothing, fresh only reads', async () => {
    const { h, mapping } = await linked();
    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
    const before = {
      records: await records(h),
      contacts: await (await h.db.get()).getAll('contacts'),
    };
    const stored = await fakeBrowser.storage.session.get(null);
    const { counters } = h.sandbox.state;
    const traffic = counters.total;
    const byEndpoint = { ...counters.byEndpoint };

    const cached = await h.run(
      mapping['mapping/preview']({ mapping: reshapedMapping(), fresh: false }, PAGE),
    );
    expect(cached).toMatchObject({ requests: 0, unchanged: 0, missing: 0 });
    expect(cached.transcripts).toHaveLength(3);
    expect(counters.total).toBe(traffic);

    const fresh = await h.run(
      mapping['mapping/preview']({ mapping: defaultMapping(), fresh: true }, PAGE),
    );
    expect(fresh).toMatchObject({ requests: 2, unchanged: 1 });
    expect(fresh.transcripts[0]?.changes).toEqual([
      { label: 'Email', before: 'jane.doe@acme.example', after: 'jane@new.example' },
    ]);
    expect(counters.total).toBe(traffic + 2);
    const asked = Object.keys(counters.byEndpoint).filter(
      (e) => counters.byEndpoint[e] !== byEndpoint[e],
    );
    expect(asked).toEqual(['GET /contacts/:contactId']);

    expect(await records(h)).toEqual(before.records);
    expect(await (await h.db.get()).getAll('contacts')).toEqual(before.contacts);
    expect(await fakeBrowser.storage.session.get(null)).toEqual(stored);
    expect(h.told).toEqual([]);
  });

  it('a contact edited after a save is recorded with the live mapping', async () => {
    const { h, mapping } = await linked();
    await h.run(mapping['mapping/save']({ mapping: reshapedMapping() }, PAGE));
    await h.run(
      h.handlers['outbox/enqueue'](
        {
          operation: {
            kind: 'contact.update',
            contactId: JANE,
            body: { email: 'jane@new.example' },
          },
        },
        PAGE,
      ),
    );
    await h.settle();
    const record = await (await h.db.get()).get('transcripts', 't-1');
    expect(record?.fields).toMatchObject({ Email: 'jane@new.example', Company: 'Acme Corp' });
    expect(record?.fields).not.toHaveProperty('Organisation');
  });

  it('at a start, records are recomputed once per mapping change (0.1 labels included)', async () => {
    const { h } = await linked();
    const db = await h.db.get();
    const t1 = await db.get('transcripts', 't-1');
    // As 0.1 left them.
    await db.put('transcripts', { ...t1!, fields: { Name: 'Jane Doe', Company: 'Acme Corp' } });
    await db.delete('meta', MAPPING_APPLIED_KEY);
    const traffic = h.sandbox.state.counters.total;

    expect(await h.run(applyStoredMapping({ db: h.db, tell: h.tell, timeZone: 'UTC' }))).toBe(1);
    expect((await db.get('transcripts', 't-1'))?.fields).toMatchObject({
      'Speaker name': 'Jane Doe',
    });
    expect(h.told).toEqual([{ transcriptId: 't-1', contactId: JANE, what: ['contact'] }]);
    expect(await h.run(applyStoredMapping({ db: h.db, tell: h.tell, timeZone: 'UTC' }))).toBe(0);

    // A mapping stored but never applied (the worker stopped in a save): the next start applies it.
    await fakeBrowser.storage.session.set({ [MAPPING_KEY]: reshapedMapping() });
    expect(await h.run(applyStoredMapping({ db: h.db, tell: h.tell, timeZone: 'UTC' }))).toBe(3);
    expect(await h.run(applyStoredMapping({ db: h.db, tell: h.tell, timeZone: 'UTC' }))).toBe(0);
    expect(h.sandbox.state.counters.total).toBe(traffic);
  });

  it('mapping/custom-fields names the Sandbox’s fields in Sandbox mode', async () => {
    const h = backgroundUnderTest();
    await h.run(h.connection.connectSandbox());
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    const { fields } = await mappingHandlers(h)['mapping/custom-fields']({}, PAGE);
    expect(fields.map((f) => f.name)).toEqual([
      'Budget',
      'Deal stage',
      'Interview topic',
      'Lead score',
    ]);
    expect(fields.find((f) => f.name === 'Deal stage')?.example).toEqual(expect.any(String));
  });

  it('mapping/custom-fields with locations/customFields.readonly: the location’s own names', async () => {
    const { h } = await linked();
    const { fields } = await h.run(h.handlers['mapping/custom-fields']({}, PAGE));
    expect(fields.map((f) => f.name)).toEqual([
      'Budget',
      'Deal stage',
      'Interview topic',
      'Lead score',
    ]);
    const listed = h.sandbox.state.counters.byEndpoint['GET /locations/:locationId/customFields'];
    await h.run(h.handlers['mapping/custom-fields']({}, PAGE));
    // Read once: the names cache answers the next ask.
    expect(h.sandbox.state.counters.byEndpoint['GET /locations/:locationId/customFields']).toBe(
      listed,
    );
    expect(listed).toBe(1);
  });

  it('mapping/custom-fields without that scope: names only from the mapping', async () => {
    const h = backgroundUnderTest();
    const token = h.sandbox.state.auth.mint({ scopes: ['contacts.readonly', 'contacts.write'] });
    await h.connect(token);
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    const { fields } = await h.run(h.handlers['mapping/custom-fields']({}, PAGE));
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f.name === undefined)).toBe(true);
    const { missingScopes } = await h.run(h.handlers['names/get']({}, PAGE));
    expect(missingScopes).toEqual(['users.readonly', 'locations/customFields.readonly']);
  });

  it('mapping/custom-fields with a live token: names only from the mapping', async () => {
    const { h, mapping } = await linked();
    const { fields } = await mapping['mapping/custom-fields']({}, PAGE);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f.name === undefined)).toBe(true);
    await h.run(mapping['mapping/save']({ mapping: reshapedMapping() }, PAGE));
    const after = await mapping['mapping/custom-fields']({}, PAGE);
    expect(after.fields.filter((f) => f.name).map((f) => f.name)).toEqual(['Deal stage']);
  });
});
