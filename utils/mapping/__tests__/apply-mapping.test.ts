import { describe, expect, it } from 'vitest';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import { changedFieldLabels, mapContact, mappedFieldViews, recordFields } from '../apply-mapping';
import { DEFAULT_MAPPING, defaultMapping } from '../default-mapping';
import { fieldMappingSchema, type FieldMapping, type MappingRule } from '../field-mapping';
import { mappingProblems } from '../mapping-problems';

const JANE: GhlContact = {
  id: 'c1',
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@acme.example',
  phone: null,
  companyName: 'Acme Corp',
  tags: ['vip', 'interviewed'],
  assignedTo: 'user1',
  dateUpdated: '2026-11-26T09:15:00.000Z',
  lastActivity: '2026-11-26T09:00:00.000Z',
  customFields: [{ id: 'cf_budget', value: 5000 }],
};

function rule(id: string, overrides: Partial<MappingRule> = {}): MappingRule {
  return {
    id,
    source: { kind: 'standard', field: 'email' },
    target: { kind: 'custom', label: id },
    showOnCard: true,
    ...overrides,
  };
}

const mapping = (...rules: MappingRule[]): FieldMapping => ({ version: 2, rules });

describe('the default mapping', () => {
  it('is a valid mapping without problems', () => {
    expect(fieldMappingSchema.safeParse(DEFAULT_MAPPING).success).toBe(true);
    expect(mappingProblems(DEFAULT_MAPPING)).toEqual([]);
  });

  it('has the rules the product starts with', () => {
    expect(DEFAULT_MAPPING.rules.map((r) => [r.id, r.showOnCard])).toEqual([
      ['speaker-name', false],
      ['organisation', true],
      ['email', true],
      ['phone', true],
      ['tags', true],
      ['summary-header', false],
      ['owner', false],
      ['updated', true],
    ]);
  });

  it('hands out copies, and cannot be edited in place', () => {
    const copy = defaultMapping();
    copy.rules[0]!.showOnCard = true;
    copy.rules.pop();
    expect(DEFAULT_MAPPING.rules).toHaveLength(8);
    expect(DEFAULT_MAPPING.rules[0]!.showOnCard).toBe(false);
    expect(() => {
      DEFAULT_MAPPING.rules[0]!.showOnCard = true;
    }).toThrow(TypeError);
  });
});

describe('mapContact', () => {
  it('gives every rule in order, empty texts included', () => {
    expect(mapContact(JANE, DEFAULT_MAPPING, { timeZone: 'UTC' })).toEqual([
      { ruleId: 'speaker-name', label: 'Speaker name', text: 'Jane Doe' },
      { ruleId: 'organisation', label: 'Organisation', text: 'Acme Corp' },
      { ruleId: 'email', label: 'Email', text: 'jane@acme.example' },
      { ruleId: 'phone', label: 'Phone', text: '' },
      { ruleId: 'tags', label: 'Tags', text: 'vip, interviewed' },
      { ruleId: 'summary-header', label: 'Summary header', text: 'Jane Doe — Acme Corp' },
      { ruleId: 'owner', label: 'Owner', text: 'user1' },
      { ruleId: 'updated', label: 'Updated', text: '26 Nov 2026' },
    ]);
  });

  it('writes dates in the time zone asked for', () => {
    const late = { ...JANE, dateUpdated: '2026-11-26T23:30:00Z' };
    const [updated] = mapContact(late, mapping(DEFAULT_MAPPING.rules[7]!), {
      timeZone: 'Asia/Tokyo',
    });
    expect(updated?.text).toBe('27 Nov 2026');
  });
});

describe('recordFields', () => {
  it('leaves empty fields out', () => {
    const fields = recordFields(JANE, DEFAULT_MAPPING, { timeZone: 'UTC' });
    expect(fields).not.toHaveProperty('Phone');
    expect(Object.keys(fields)).toEqual([
      'Speaker name',
      'Organisation',
      'Email',
      'Tags',
      'Summary header',
      'Owner',
      'Updated',
    ]);
  });

  it('writes and lists a field whose name is a built-in object property as any other', () => {
    const odd = rule('odd', { target: { kind: 'custom', label: 'constructor' } });
    const fields = recordFields(JANE, mapping(odd));
    expect(Object.keys(fields)).toEqual(['constructor']);
    expect(mappedFieldViews({}, mapping(odd))).toEqual([]);
    expect(mappedFieldViews(fields, mapping(odd)).map((v) => typeof v.text)).toEqual(['string']);
  });

  it('reads custom fields and trims custom labels', () => {
    const budget = rule('budget', {
      source: { kind: 'custom', id: 'cf_budget', label: 'Budget' },
      target: { kind: 'custom', label: ' Budget ' },
    });
    expect(recordFields(JANE, mapping(budget))).toEqual({ Budget: '5000' });
  });

  it('keeps the first text when two rules fill one name', () => {
    const first = rule('a', {
      source: { kind: 'standard', field: 'phone' },
      target: { kind: 'custom', label: 'X' },
    });
    const second = rule('b', { target: { kind: 'custom', label: 'X' } });
    const third = rule('c', {
      source: { kind: 'standard', field: 'companyName' },
      target: { kind: 'custom', label: 'X' },
    });
    expect(recordFields(JANE, mapping(first, second, third))).toEqual({ X: 'jane@acme.example' });
  });

  it('gives nothing for an empty mapping', () => {
    expect(recordFields(JANE, mapping())).toEqual({});
  });
});

describe('changedFieldLabels', () => {
  const before = recordFields(JANE, DEFAULT_MAPPING, { timeZone: 'UTC' });

  it('names the fields that changed, in mapping order', () => {
    const after = recordFields(
      { ...JANE, phone: '+1555', tags: [], companyName: 'Acme Ltd' },
      DEFAULT_MAPPING,
      { timeZone: 'UTC' },
    );
    expect(changedFieldLabels(before, after, DEFAULT_MAPPING)).toEqual([
      'Organisation',
      'Phone',
      'Tags',
      'Summary header',
    ]);
  });

  it('leaves out rules that read only bookkeeping fields', () => {
    const after = recordFields({ ...JANE, dateUpdated: '2026-12-01T00:00:00Z' }, DEFAULT_MAPPING, {
      timeZone: 'UTC',
    });
    expect(after.Updated).not.toBe(before.Updated);
    expect(changedFieldLabels(before, after, DEFAULT_MAPPING)).toEqual([]);
    const activity = rule('activity', {
      source: { kind: 'standard', field: 'lastActivity' },
      target: { kind: 'custom', label: 'Activity' },
    });
    expect(changedFieldLabels({ Activity: 'a' }, { Activity: 'b' }, mapping(activity))).toEqual([]);
  });

  it('names a rule that joins content with bookkeeping', () => {
    const mixed = rule('mixed', {
      source: { kind: 'standard', field: 'dateUpdated' },
      transform: { kind: 'join', with: [{ kind: 'standard', field: 'email' }], separator: ' ' },
    });
    expect(changedFieldLabels({ mixed: 'a' }, { mixed: 'b' }, mapping(mixed))).toEqual(['mixed']);
  });

  it('names nothing without an earlier record, and a field added or removed', () => {
    expect(changedFieldLabels(undefined, before, DEFAULT_MAPPING)).toEqual([]);
    expect(changedFieldLabels({}, { Email: 'x' }, DEFAULT_MAPPING)).toEqual(['Email']);
    expect(changedFieldLabels({ Email: 'x' }, {}, DEFAULT_MAPPING)).toEqual(['Email']);
  });

  it('names one label once when two rules fill it', () => {
    const twice = mapping(
      rule('a', { target: { kind: 'custom', label: 'X' } }),
      rule('b', { target: { kind: 'custom', label: 'X' } }),
    );
    expect(changedFieldLabels({ X: '1' }, { X: '2' }, twice)).toEqual(['X']);
  });
});

describe('mappedFieldViews', () => {
  it('lists the record in mapping order, empty ones left out, with card and live fields', () => {
    const fields = recordFields(JANE, DEFAULT_MAPPING, { timeZone: 'UTC' });
    // Stored in another order: the mapping decides the order.
    const shuffled = Object.fromEntries(Object.entries(fields).reverse());
    expect(mappedFieldViews(shuffled, DEFAULT_MAPPING)).toEqual([
      { label: 'Speaker name', text: 'Jane Doe', onCard: false, live: 'name' },
      { label: 'Organisation', text: 'Acme Corp', onCard: true, live: 'companyName' },
      { label: 'Email', text: 'jane@acme.example', onCard: true, live: 'email' },
      { label: 'Tags', text: 'vip, interviewed', onCard: true, live: 'tags' },
      { label: 'Summary header', text: 'Jane Doe — Acme Corp', onCard: false },
      { label: 'Owner', text: 'user1', onCard: false, user: true },
      { label: 'Updated', text: '26 Nov 2026', onCard: true },
    ]);
  });

  it('sets live only for an editable field shown unchanged', () => {
    const phone = rule('phone', { source: { kind: 'standard', field: 'phone' } });
    const firstName = rule('first', {
      source: { kind: 'standard', field: 'name' },
      transform: { kind: 'name-part', part: 'first' },
    });
    const city = rule('city', { source: { kind: 'standard', field: 'city' } });
    const views = mappedFieldViews(
      { phone: '1', first: 'Jane', city: 'Leeds' },
      mapping(phone, firstName, city),
    );
    expect(views.map((view) => view.live)).toEqual(['phone', undefined, undefined]);
    expect(views[1]).not.toHaveProperty('live');
  });

  it('lists nothing for no record, and ignores fields no rule fills', () => {
    expect(mappedFieldViews(undefined, DEFAULT_MAPPING)).toEqual([]);
    expect(mappedFieldViews({ Name: 'old label', Email: 'x' }, DEFAULT_MAPPING)).toEqual([
      { label: 'Email', text: 'x', onCard: true, live: 'email' },
    ]);
  });
});
