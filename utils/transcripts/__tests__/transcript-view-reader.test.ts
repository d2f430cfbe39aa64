import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { reshapedMapping } from '../../mapping/__tests__/mapping-fixtures';
import { defaultMapping } from '../../mapping/default-mapping';
import type { FieldMapping } from '../../mapping/field-mapping';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../storage/sync-settings';
import { createTranscriptStore } from '../transcript-store';
import { JANE, LOCATION, syncUnderTest, type SyncHarness } from '../../sync/__tests__/sync-harness';

/** Jane linked to t-1 and synced: she has tasks, notes and appointments in the Sandbox. */
async function janeSynced() {
  const h = syncUnderTest();
  await h.link('t-1', JANE);
  await h.run();
  return h;
}

/** A transcript store over the harness's cache with this mapping and these settings. */
function storeWith(
  h: SyncHarness,
  options: { mapping?: FieldMapping; settings?: Partial<SyncSettings> } = {},
) {
  return createTranscriptStore({
    db: h.db,
    clock: h.fake.clock,
    timeZone: 'UTC',
    mapping: async () => options.mapping ?? defaultMapping(),
    settings: async () => ({ ...DEFAULT_SYNC_SETTINGS, ...options.settings }),
  });
}

describe('the transcript view: mapped fields and what is synced', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists the record’s fields in the mapping’s order, each with its card toggle', async () => {
    const h = await janeSynced();
    const view = await storeWith(h).readView('t-1');

    expect(view.mapped?.map((m) => m.label)).toEqual([
      'Speaker name',
      'Organisation',
      'Email',
      'Phone',
      'Tags',
      'Summary header',
      'Owner',
      'Updated',
    ]);
    expect(view.mapped?.[0]).toEqual({
      label: 'Speaker name',
      text: 'Jane Doe',
      onCard: false,
      live: 'name',
    });
    expect(view.mapped?.find((m) => m.label === 'Email')).toMatchObject({
      text: 'jane.doe@acme.example',
      onCard: true,
      live: 'email',
    });
    // A joined field is not one the card can edit.
    expect(view.mapped?.find((m) => m.label === 'Summary header')).not.toHaveProperty('live');
    expect(view.shows).toEqual({
      contactDetails: true,
      tasks: true,
      notes: true,
      appointments: true,
      businessContacts: true,
    });
    expect(view.tasks.length).toBeGreaterThan(0);
    expect(view.notes.length).toBeGreaterThan(0);
    expect(view.appointments.length).toBeGreaterThan(0);
  });

  it('a field the mapping no longer has is left out of the list (until the records are recomputed)', async () => {
    const h = await janeSynced();
    const view = await storeWith(h, { mapping: reshapedMapping() }).readView('t-1');
    expect(view.fields).toHaveProperty('Organisation');
    expect(view.mapped?.map((m) => m.label)).not.toContain('Organisation');
  });

  it('leaves out the parts switched off', async () => {
    const h = await janeSynced();
    const view = await storeWith(h, {
      settings: { tasks: false, notes: 'off', appointments: false, businessContacts: false },
    }).readView('t-1');
    expect(view.shows).toEqual({
      contactDetails: true,
      tasks: false,
      notes: false,
      appointments: false,
      businessContacts: false,
    });
    expect(view).toMatchObject({ tasks: [], notes: [], appointments: [] });
    expect(view.mapped?.length).toBeGreaterThan(0);
    // Key notes only still shows notes.
    expect(
      (await storeWith(h, { settings: { notes: 'pinned' } }).readView('t-1')).shows?.notes,
    ).toBe(true);
  });

  it('with contact details off: no fields, but the contact stays for its name', async () => {
    const h = await janeSynced();
    const view = await storeWith(h, { settings: { contactDetails: false } }).readView('t-1');
    expect(view.fields).toEqual({});
    expect(view.mapped).toEqual([]);
    expect(view.contact).toMatchObject({ id: JANE });
    expect(view.link).toMatchObject({ contactId: JANE });
    expect(view.tasks.length).toBeGreaterThan(0);
  });

  it('an unlinked transcript has no fields to list', async () => {
    const h = syncUnderTest();
    const view = await storeWith(h).readView('t-9');
    expect(view.fields).toBeUndefined();
    expect(view.mapped).toBeUndefined();
    expect(view.shows?.tasks).toBe(true);
  });

  it('a link to a cached contact takes its fields with the live mapping', async () => {
    const h = await janeSynced();
    const store = storeWith(h, { mapping: reshapedMapping() });
    await store.link('t-2', JANE, LOCATION);
    const view = await store.readView('t-2');
    expect(view.fields).toMatchObject({ Company: 'Acme Corp', 'Deal stage': expect.any(String) });
    expect(view.fields).not.toHaveProperty('Organisation');
  });

  it('a link with notes off attaches none', async () => {
    const h = await janeSynced();
    await h.transcripts.link('t-2', JANE, LOCATION, { notes: 'off' });
    expect((await (await h.db.get()).get('transcripts', 't-2'))?.noteIds).toEqual([]);
    await h.transcripts.link('t-3', JANE, LOCATION, { notes: 'all' });
    expect((await (await h.db.get()).get('transcripts', 't-3'))?.noteIds.length).toBeGreaterThan(0);
  });

  it('the file-list marker of a contact no longer cached names the record’s speaker', async () => {
    const h = syncUnderTest();
    const db = await h.db.get();
    await db.put('links', {
      transcriptId: 't-1',
      contactId: 'gone',
      locationId: LOCATION,
      linkedAt: 1,
    });
    await db.put('transcripts', {
      transcriptId: 't-1',
      noteIds: [],
      fields: { 'Speaker name': 'Ann Lee' },
    });
    await db.put('links', {
      transcriptId: 't-2',
      contactId: 'gone',
      locationId: LOCATION,
      linkedAt: 1,
    });
    // A 0.1 record not recomputed yet.
    await db.put('transcripts', { transcriptId: 't-2', noteIds: [], fields: { Name: 'Bo Chen' } });
    expect(await h.transcripts.findLinks(['t-1', 't-2'])).toEqual([
      { transcriptId: 't-1', contactName: 'Ann Lee' },
      { transcriptId: 't-2', contactName: 'Bo Chen' },
    ]);
  });
});
