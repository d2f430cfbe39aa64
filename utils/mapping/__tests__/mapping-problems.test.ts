import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING } from '../default-mapping';
import type { FieldMapping, GhlSource, MappingRule, Transform } from '../field-mapping';
import { mappingProblems } from '../mapping-problems';

function rule(id: string, overrides: Partial<MappingRule> = {}): MappingRule {
  return {
    id,
    source: { kind: 'standard', field: 'email' },
    target: { kind: 'custom', label: `Label ${id}` },
    showOnCard: true,
    ...overrides,
  };
}
const mapping = (...rules: MappingRule[]): FieldMapping => ({ version: 2, rules });
const standard = (
  field:
    | 'email'
    | 'tags'
    | 'name'
    | 'firstName'
    | 'lastName'
    | 'dateOfBirth'
    | 'lastActivity'
    | 'city'
    | 'dnd',
): GhlSource => ({ kind: 'standard', field });
const CUSTOM: GhlSource = { kind: 'custom', id: 'cf_1', label: 'Renewal' };

describe('mappingProblems', () => {
  it('finds none in a fine mapping, or an empty one', () => {
    expect(mappingProblems(DEFAULT_MAPPING)).toEqual([]);
    expect(mappingProblems(mapping())).toEqual([]);
  });

  it('finds two rules filling one field, whatever the case', () => {
    const problems = mappingProblems(
      mapping(
        rule('a', { target: { kind: 'field', field: 'email' } }),
        rule('b', { target: { kind: 'custom', label: 'email' } }),
        rule('c', { target: { kind: 'custom', label: 'Notes' } }),
        rule('d', { target: { kind: 'custom', label: ' NOTES ' } }),
      ),
    );
    expect(problems).toEqual([
      { ruleId: 'b', part: 'target', message: 'Two rules fill ‘email’' },
      { ruleId: 'd', part: 'target', message: 'Two rules fill ‘NOTES’' },
    ]);
  });

  it('finds a custom label equal to a record field’s name', () => {
    const problems = mappingProblems(
      mapping(
        rule('a', { target: { kind: 'custom', label: 'Speaker name' } }),
        rule('b', { target: { kind: 'field', field: 'speakerName' } }),
      ),
    );
    expect(problems).toEqual([
      { ruleId: 'b', part: 'target', message: 'Two rules fill ‘Speaker name’' },
    ]);
  });

  it('refuses a field name that is a built-in object property', () => {
    for (const label of ['constructor', '__proto__', 'toString']) {
      const problems = mappingProblems(mapping(rule('a', { target: { kind: 'custom', label } })));
      expect(problems).toEqual([
        {
          ruleId: 'a',
          part: 'target',
          message: `‘${label}’ cannot be a field name; choose another`,
        },
      ]);
    }
  });

  it('finds two rules with one id', () => {
    expect(
      mappingProblems(
        mapping(rule('a'), rule('a', { target: { kind: 'custom', label: 'Other' } })),
      ),
    ).toEqual([{ ruleId: 'a', part: 'mapping', message: 'Two rules have the id ‘a’' }]);
  });

  const DATE: Transform = { kind: 'date', style: 'medium' };
  const TAGS: Transform = { kind: 'tag-filter', mode: 'include', tags: ['vip'] };
  const FIRST: Transform = { kind: 'name-part', part: 'first' };

  it.each<[string, GhlSource, Transform, string | undefined]>([
    ['a date field as a date', standard('dateOfBirth'), DATE, undefined],
    ['last activity as a date', standard('lastActivity'), DATE, undefined],
    ['a custom field as a date', CUSTOM, DATE, undefined],
    [
      'an email as a date',
      standard('email'),
      DATE,
      '‘Label r’ formats ‘Email’ as a date, but it is not a date',
    ],
    [
      'do not disturb as a date',
      standard('dnd'),
      DATE,
      '‘Label r’ formats ‘Do not disturb’ as a date, but it is not a date',
    ],
    ['tags by tag', standard('tags'), TAGS, undefined],
    ['a custom field by tag', CUSTOM, TAGS, undefined],
    [
      'a city by tag',
      standard('city'),
      TAGS,
      '‘Label r’ filters ‘City’ by tag, but only tags or a custom field can be filtered',
    ],
    ['the full name into parts', standard('name'), FIRST, undefined],
    ['the first name into parts', standard('firstName'), FIRST, undefined],
    ['the last name into parts', standard('lastName'), FIRST, undefined],
    ['a custom field into parts', CUSTOM, FIRST, undefined],
    [
      'an email into name parts',
      standard('email'),
      FIRST,
      '‘Label r’ takes part of ‘Email’ as a name, but it is not a name',
    ],
  ])('judges %s', (_, source, transform, message) => {
    const problems = mappingProblems(mapping(rule('r', { source, transform })));
    expect(problems).toEqual(message ? [{ ruleId: 'r', part: 'transform', message }] : []);
  });

  it('finds a join that reads a field twice', () => {
    const join = (source: GhlSource, ...others: GhlSource[]): MappingRule =>
      rule('j', { source, transform: { kind: 'join', with: others, separator: ' ' } });
    const problem = (label: string) => [
      { ruleId: 'j', part: 'transform', message: `‘Label j’ joins ‘${label}’ with itself` },
    ];
    expect(mappingProblems(mapping(join(standard('email'), standard('city'))))).toEqual([]);
    expect(mappingProblems(mapping(join(standard('email'), standard('email'))))).toEqual(
      problem('Email'),
    );
    expect(
      mappingProblems(mapping(join(standard('name'), standard('city'), standard('city')))),
    ).toEqual(problem('City'));
    expect(mappingProblems(mapping(join(CUSTOM, { ...CUSTOM, label: 'Other name' })))).toEqual(
      problem('Renewal'),
    );
    expect(mappingProblems(mapping(join(CUSTOM, { ...CUSTOM, id: 'cf_2' })))).toEqual([]);
  });

  it('names each problem of a rule', () => {
    const bad = rule('x', { target: { kind: 'field', field: 'email' }, transform: DATE });
    expect(
      mappingProblems(mapping(rule('e', { target: { kind: 'field', field: 'email' } }), bad)),
    ).toEqual([
      { ruleId: 'x', part: 'target', message: 'Two rules fill ‘Email’' },
      {
        ruleId: 'x',
        part: 'transform',
        message: '‘Email’ formats ‘Email’ as a date, but it is not a date',
      },
    ]);
  });
});
