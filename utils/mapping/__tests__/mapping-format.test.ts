import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING, defaultMapping } from '../default-mapping';
import type { FieldMapping } from '../field-mapping';
import {
  mappingJson,
  MappingFormatError,
  migrateMapping,
  parseMappingJson,
} from '../mapping-format';

/** 0.1's default table, as it stored it. */
const V1_DEFAULT = [
  { label: 'Name', source: 'name', format: 'text' },
  { label: 'Email', source: 'email', format: 'text' },
  { label: 'Phone', source: 'phone', format: 'text' },
  { label: 'Company', source: 'companyName', format: 'text' },
  { label: 'Tags', source: 'tags', format: 'list' },
  { label: 'Owner', source: 'assignedTo', format: 'text' },
  { label: 'Updated', source: 'dateUpdated', format: 'date', bookkeeping: true },
];

function failure(raw: unknown): string {
  try {
    migrateMapping(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(MappingFormatError);
    return (error as Error).message;
  }
  throw new Error('migrateMapping accepted it');
}

describe('migrateMapping from version 1', () => {
  it('turns 0.1’s table into rules for the record’s fields and custom labels', () => {
    const migrated = migrateMapping(V1_DEFAULT);
    expect(migrated).toEqual({
      version: 2,
      rules: [
        {
          id: 'speaker-name',
          source: { kind: 'standard', field: 'name' },
          target: { kind: 'field', field: 'speakerName' },
          showOnCard: false,
        },
        {
          id: 'email',
          source: { kind: 'standard', field: 'email' },
          target: { kind: 'field', field: 'email' },
          showOnCard: true,
        },
        {
          id: 'phone',
          source: { kind: 'standard', field: 'phone' },
          target: { kind: 'field', field: 'phone' },
          showOnCard: true,
        },
        {
          id: 'organisation',
          source: { kind: 'standard', field: 'companyName' },
          target: { kind: 'field', field: 'organisation' },
          showOnCard: true,
        },
        {
          id: 'tags',
          source: { kind: 'standard', field: 'tags' },
          target: { kind: 'field', field: 'tags' },
          showOnCard: true,
        },
        {
          id: 'owner',
          source: { kind: 'standard', field: 'assignedTo' },
          target: { kind: 'custom', label: 'Owner' },
          showOnCard: true,
        },
        {
          id: 'updated',
          source: { kind: 'standard', field: 'dateUpdated' },
          target: { kind: 'custom', label: 'Updated' },
          transform: { kind: 'date', style: 'medium' },
          showOnCard: true,
        },
      ],
    });
  });

  it('reads the versioned table the same as the bare one', () => {
    expect(migrateMapping({ version: 1, fields: V1_DEFAULT })).toEqual(migrateMapping(V1_DEFAULT));
  });

  it('keeps a known label reading another field as a custom label, with unique ids', () => {
    const migrated = migrateMapping([
      { label: 'Name', source: 'firstName', format: 'text' },
      { label: 'City / town', source: 'city', format: 'text' },
      { label: 'City - town', source: 'city', format: 'text' },
      { label: 'email', source: 'email', format: 'text' },
    ]);
    expect(migrated.rules.map((r) => [r.id, r.target, r.showOnCard])).toEqual([
      ['name', { kind: 'custom', label: 'Name' }, true],
      ['city-town', { kind: 'custom', label: 'City / town' }, true],
      ['city-town-2', { kind: 'custom', label: 'City - town' }, true],
      ['email', { kind: 'field', field: 'email' }, true],
    ]);
  });

  it('migrates an empty table to an empty mapping', () => {
    expect(migrateMapping([])).toEqual({ version: 2, rules: [] });
  });

  it.each([
    [
      [{ label: 'SSN', source: 'ssn', format: 'text' }],
      'Field 1 (‘SSN’) reads ‘ssn’, which is not a GHL contact field GHL for Trint can map',
    ],
    [
      [{ label: 'X', source: 'constructor', format: 'text' }],
      'Field 1 (‘X’) reads ‘constructor’, which is not a GHL contact field GHL for Trint can map',
    ],
    [
      [{ label: 'Name', source: 'name', format: 'bold' }],
      'Field 1: format should be one of ‘text’, ‘list’, ‘date’',
    ],
    [
      [V1_DEFAULT[0], { label: ' ', source: 'email', format: 'text' }],
      'Field 2: label needs a name',
    ],
    [[{ source: 'email', format: 'text' }], 'Field 1: label is missing'],
    [['Name'], 'Field 1 should be an object'],
    [{ version: 1 }, 'The mapping has no fields'],
    [{ version: 1, fields: 'Name' }, 'The mapping should be a list'],
    [
      [{ label: 'L'.repeat(61), source: 'email', format: 'text' }],
      'Rule 1: target name is longer than 60 characters',
    ],
  ])('refuses %j: %s', (raw, message) => {
    expect(failure(raw)).toBe(message);
  });
});

describe('migrateMapping of other versions', () => {
  it('takes the current version as it is', () => {
    expect(migrateMapping(structuredClone(DEFAULT_MAPPING))).toEqual(DEFAULT_MAPPING);
  });

  it.each([
    [
      { version: 3, rules: [] },
      'This mapping was made by a newer version of GHL for Trint (format 3); update the extension to use it',
    ],
    [{ rules: [] }, 'The mapping has no version'],
    [{ version: '2', rules: [] }, 'The mapping’s version "2" is not one GHL for Trint knows'],
    [{ version: 0, rules: [] }, 'The mapping’s version 0 is not one GHL for Trint knows'],
    ['mapping', 'The mapping should be an object with a version and rules'],
    [null, 'The mapping should be an object with a version and rules'],
  ])('refuses %j: %s', (raw, message) => {
    expect(failure(raw)).toBe(message);
  });
});

describe('parseMappingJson', () => {
  const withRule = (patch: Record<string, unknown>, index = 2) => {
    const mapping = structuredClone(DEFAULT_MAPPING) as unknown as {
      rules: Record<string, unknown>[];
    };
    mapping.rules[index] = { ...mapping.rules[index], ...patch };
    return JSON.stringify(mapping);
  };

  it('says a file is not JSON, with where', () => {
    const result = parseMappingJson('{\n  "version": 2,,\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Not JSON: .*position 17 \(line 2, column 16\)$/);
    expect(parseMappingJson('')).toEqual({
      ok: false,
      message: 'Not JSON: Unexpected end of JSON input',
    });
  });

  it.each<[string, string]>(
    [
      [withRule({ target: { kind: 'custom', label: '' } }), 'Rule 3: target name needs a name'],
      [withRule({ target: { kind: 'custom' } }), 'Rule 3: target name is missing'],
      [
        withRule({ target: { kind: 'speaker' } }),
        'Rule 3: target should be one of ‘field’, ‘custom’',
      ],
      [
        withRule({ target: { kind: 'field', field: 'title' } }),
        'Rule 3: target field should be one of ‘speakerName’, ‘organisation’, ‘email’, ‘phone’, ‘tags’, ‘summaryHeader’',
      ],
      [
        withRule({ source: { kind: 'standard', field: 'ssn' } }),
        'Rule 3: source field should be one of ‘name’, ‘firstName’, ‘lastName’, ‘email’, ‘phone’, ‘companyName’, ‘address1’, ‘city’, ‘state’, ‘country’, ‘postalCode’, ‘website’, ‘timezone’, ‘tags’, ‘type’, ‘source’, ‘assignedTo’, ‘dnd’, ‘dndSettings’, ‘dateOfBirth’, ‘dateAdded’, ‘dateUpdated’, ‘lastActivity’, ‘businessId’, ‘attachments’, ‘keyword’, ‘attributionSource’, ‘lastAttributionSource’, ‘visitorId’, ‘id’',
      ],
      [
        withRule({ source: { kind: 'custom', id: 'a b', label: 'X' } }),
        'Rule 3: source id is not a GHL custom field id',
      ],
      [withRule({ showOnCard: 'yes' }), 'Rule 3: show on card should be true or false'],
      [withRule({ colour: 'red' }), 'Rule 3 has a field it does not know: ‘colour’'],
      [withRule({ id: 'has space' }), 'Rule 3: id is not a rule id'],
      [
        withRule({ transform: { kind: 'join', with: [], separator: ' ' } }),
        'Rule 3: transform joins no other field',
      ],
      [
        withRule({
          transform: {
            kind: 'join',
            with: [{ kind: 'standard', field: 'city' }],
            separator: ' :: :: :: :',
          },
        }),
        'Rule 3: transform separator is longer than 10 characters',
      ],
      [
        withRule({ transform: { kind: 'tag-filter', mode: 'include', tags: ['vip', ' '] } }),
        'Rule 3: transform tag 2 is empty',
      ],
      [
        withRule({ transform: { kind: 'tag-filter', mode: 'only', tags: ['vip'] } }),
        'Rule 3: transform filter mode should be one of ‘include’, ‘exclude’',
      ],
      [
        withRule({ transform: { kind: 'date', style: 'long' } }),
        'Rule 3: transform date style should be one of ‘medium’, ‘iso’, ‘us’, ‘european’, ‘date-time’',
      ],
      [
        withRule({ transform: { kind: 'upper' } }),
        'Rule 3: transform should be one of ‘join’, ‘name-part’, ‘date’, ‘tag-filter’',
      ],
      [JSON.stringify({ version: 2, rules: {} }), 'The mapping’s rules should be a list'],
      [JSON.stringify({ version: 2 }), 'The mapping’s rules is missing'],
      [
        JSON.stringify({ version: 2, rules: [], extra: 1 }),
        'The mapping has a field it does not know: ‘extra’',
      ],
      [
        JSON.stringify({
          version: 2,
          rules: Array.from({ length: 51 }, () => DEFAULT_MAPPING.rules[0]),
        }),
        'The mapping has more than 50 rules',
      ],
      ['"mapping"', 'The mapping should be an object with a version and rules'],
      [
        JSON.stringify({ version: 9, rules: [] }),
        'This mapping was made by a newer version of GHL for Trint (format 9); update the extension to use it',
      ],
    ].map(([text, message]) => [message, text] as [string, string]),
  )('refuses a wrong shape: %s', (message, text) => {
    expect(parseMappingJson(text)).toEqual({ ok: false, message });
  });

  it('names at most three issues, and how many more', () => {
    const rules = Array.from({ length: 5 }, (_, i) => ({
      ...DEFAULT_MAPPING.rules[0],
      id: `r${i}`,
      showOnCard: 'no',
    }));
    const result = parseMappingJson(JSON.stringify({ version: 2, rules }));
    expect(result).toEqual({
      ok: false,
      message:
        'Rule 1: show on card should be true or false; Rule 2: show on card should be true or false; Rule 3: show on card should be true or false; and 2 more',
    });
  });

  it('refuses a mapping with problems, saying them', () => {
    const text = withRule({ target: { kind: 'custom', label: 'Organisation' } });
    expect(parseMappingJson(text)).toEqual({ ok: false, message: 'Two rules fill ‘Organisation’' });
    const two = JSON.stringify({
      version: 2,
      rules: [
        ...DEFAULT_MAPPING.rules,
        { ...DEFAULT_MAPPING.rules[2], id: 'email-2' },
        {
          ...DEFAULT_MAPPING.rules[3],
          id: 'phone-2',
          transform: { kind: 'date', style: 'iso' },
          target: { kind: 'custom', label: 'Dialled' },
        },
      ],
    });
    expect(parseMappingJson(two)).toEqual({
      ok: false,
      message: 'Two rules fill ‘Email’; ‘Dialled’ formats ‘Phone’ as a date, but it is not a date',
    });
  });

  it('migrates a version 1 file', () => {
    expect(parseMappingJson(JSON.stringify(V1_DEFAULT))).toEqual({
      ok: true,
      mapping: migrateMapping(V1_DEFAULT),
    });
  });

  it('reads back what it exported', () => {
    const mapping: FieldMapping = defaultMapping();
    mapping.rules.push({
      id: 'renewal',
      source: { kind: 'custom', id: 'cf_renewal', label: 'Renewal date' },
      target: { kind: 'custom', label: 'Renews' },
      transform: { kind: 'date', style: 'iso' },
      showOnCard: false,
    });
    const text = mappingJson(mapping);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "rules": [\n');
    expect(parseMappingJson(text)).toEqual({ ok: true, mapping });
  });
});
