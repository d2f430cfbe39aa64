import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_MAPPING, defaultMapping } from '../../mapping/default-mapping';
import { type FieldMapping } from '../../mapping/field-mapping';
import { readMapping, writeMapping } from '../mapping-store';
import { MAPPING_KEY } from '@/utils/storage/field-mapping-item';

const CUSTOM: FieldMapping = {
  version: 2,
  rules: [
    {
      id: 'city',
      source: { kind: 'standard', field: 'city' },
      target: { kind: 'custom', label: 'City' },
      showOnCard: true,
    },
  ],
};

describe('mapping store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads the default when nothing is stored, as a copy', async () => {
    const mapping = await readMapping();
    expect(mapping).toEqual(DEFAULT_MAPPING);
    mapping.rules.pop();
    expect(await readMapping()).toEqual(DEFAULT_MAPPING);
  });

  it('reads back what it wrote', async () => {
    await writeMapping(CUSTOM);
    expect(await readMapping()).toEqual(CUSTOM);
    expect((await fakeBrowser.storage.session.get(MAPPING_KEY))[MAPPING_KEY]).toEqual(CUSTOM);
  });

  it('migrates a stored version 1 table', async () => {
    await fakeBrowser.storage.session.set({
      [MAPPING_KEY]: [
        { label: 'Name', source: 'name', format: 'text' },
        { label: 'City', source: 'city', format: 'text' },
      ],
    });
    const mapping = await readMapping();
    expect(mapping.version).toBe(2);
    expect(mapping.rules.map((rule) => rule.target)).toEqual([
      { kind: 'field', field: 'speakerName' },
      { kind: 'custom', label: 'City' },
    ]);
  });

  it.each([
    ['not a mapping', 'not a mapping'],
    ['a newer version', { version: 3, rules: [] }],
    ['a wrong rule', { version: 2, rules: [{ id: 'x' }] }],
  ])('reads the default over %s, warning without the content', async (_, stored) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.session.set({ [MAPPING_KEY]: stored });
    expect(await readMapping()).toEqual(DEFAULT_MAPPING);
    expect(warn).toHaveBeenCalledOnce();
    expect(JSON.stringify(warn.mock.calls)).not.toContain(JSON.stringify(stored));
  });

  it('refuses to write an invalid mapping, keeping the stored one', async () => {
    await writeMapping(CUSTOM);
    const invalid = { version: 2, rules: [{ ...CUSTOM.rules[0], id: 'no spaces allowed' }] };
    await expect(writeMapping(invalid as FieldMapping)).rejects.toThrow(
      'Rule 1: id is not a rule id',
    );
    expect(await readMapping()).toEqual(CUSTOM);
  });

  it('refuses to write a mapping with problems, saying them', async () => {
    const twice = defaultMapping();
    twice.rules.push({ ...CUSTOM.rules[0]!, target: { kind: 'custom', label: 'owner' } });
    await expect(writeMapping(twice)).rejects.toThrow('Two rules fill ‘owner’');
    expect(await fakeBrowser.storage.session.get(MAPPING_KEY)).toEqual({});
  });
});
