import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCacheDbSource } from '../../db/open-cache-db';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import { SANDBOX_CUSTOM_FIELDS } from '../../../sandbox/sandbox-fixtures';
import { JANE, SAM, syncUnderTest } from '../../sync/__tests__/sync-harness';
import { customFieldChoices, customFieldNames } from '../custom-field-choices';
import { defaultMapping } from '../default-mapping';
import type { FieldMapping } from '../field-mapping';

const DEAL_STAGE = SANDBOX_CUSTOM_FIELDS[0].id;

let dbCount = 0;

/** A cache holding these contacts. */
async function cacheWith(contacts: Partial<GhlContact>[]) {
  const db = await createCacheDbSource(`custom-fields-${(dbCount += 1)}`).get();
  for (const [i, contact] of contacts.entries()) {
    const id = `c-${i}`;
    await db.put('contacts', {
      id,
      locationId: 'loc',
      contact: { id, ...contact } as GhlContact,
      lastUsedAt: 0,
    });
  }
  return db;
}

/** A live mapping reading two custom fields, one of them in a join. */
const named: FieldMapping = {
  ...defaultMapping(),
  rules: [
    {
      id: 'stage',
      source: { kind: 'custom', id: 'cfStage', label: 'Stage' },
      target: { kind: 'custom', label: 'Stage' },
      transform: {
        kind: 'join',
        with: [{ kind: 'custom', id: 'cfRegion', label: 'Region' }],
        separator: ', ',
      },
      showOnCard: true,
    },
  ],
};

describe('custom field choices', () => {
  beforeEach(() => fakeBrowser.reset());

  it('in Sandbox mode: the fields the cached contacts carry, named, with a value seen', async () => {
    const h = syncUnderTest();
    await h.link('t-1', JANE);
    await h.link('t-2', SAM);
    await h.run();
    const jane = await h.transcripts.cachedContact(JANE);
    const stage = jane!.contact.customFields!.find((f) => f.id === DEAL_STAGE)!.value;

    const choices = await customFieldChoices(
      await h.db.get(),
      customFieldNames(SANDBOX_CUSTOM_FIELDS, defaultMapping()),
    );

    expect(choices.map((c) => c.name)).toEqual([
      'Budget',
      'Deal stage',
      'Interview topic',
      'Lead score',
    ]);
    expect(choices.find((c) => c.id === DEAL_STAGE)).toEqual({
      id: DEAL_STAGE,
      name: 'Deal stage',
      example: stage,
    });
    // Defined in the location, filled on no contact.
    expect(choices.find((c) => c.name === 'Budget')).not.toHaveProperty('example');
  });

  it('live: names only where the mapping gives them; examples as one short line', async () => {
    const db = await cacheWith([
      {
        customFields: [
          { id: 'cfStage', value: '' },
          { id: 'cfTopics', value: ['AI', 'Sales'] },
        ],
      },
      {
        customFields: [
          { id: 'cfStage', value: 'Won' },
          { id: 'cfNotes', value: 'x'.repeat(200) },
        ],
      },
      {
        customFields: [
          { id: 'cfStage', value: 'Lost' },
          { id: 'cfNone', value: null },
        ],
      },
      { name: 'No custom fields' },
    ]);

    const choices = await customFieldChoices(db, customFieldNames(undefined, named));

    expect(choices).toEqual([
      { id: 'cfNone' },
      { id: 'cfNotes', example: `${'x'.repeat(79)}…` },
      { id: 'cfTopics', example: 'AI, Sales' },
      { id: 'cfRegion', name: 'Region' },
      // The first value seen that says something.
      { id: 'cfStage', name: 'Stage', example: 'Won' },
    ]);
  });

  it('live with the default mapping and an empty cache: no choices', async () => {
    const db = await cacheWith([]);
    expect(await customFieldChoices(db, customFieldNames(undefined, defaultMapping()))).toEqual([]);
  });
});
