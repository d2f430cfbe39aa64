import { describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { ACCESS_RULES, type AccessRule } from '../access-rules';
import { accessRulesOf, PROTOCOL, type MessageType, type SenderRole } from '../protocol';

const TYPES = Object.keys(PROTOCOL) as MessageType[];
const fromTrint = TYPES.filter((type) =>
  (PROTOCOL[type].from as readonly SenderRole[]).includes('trint-tab'),
);
const pageOnly = TYPES.filter((type) => !fromTrint.includes(type));

/** The payload fields each rule reads (one of them, where it names several). */
const READS: Record<AccessRule, readonly string[]> = {
  none: [],
  'own transcript': ['transcriptId'],
  'shown contact': ['contactId'],
  'own contact': ['contactId', 'operation'],
  'own job': ['id'],
  'own jobs': [],
  'shows contacts': [],
};

const shapeOf = (schema: z.ZodMiniType) =>
  (schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
const kindOf = (schema: z.ZodMiniType) => (schema as unknown as { def: { type: string } }).def.type;

// A content script runs beside a page it does not control: what it may touch is part of each
// message's declaration, never left to a handler to remember.
describe('the access rules of the message table', () => {
  it.each(fromTrint)('%s, which a Trint tab may send, declares what the tab may touch', (type) => {
    const rules = accessRulesOf(type);
    expect(rules?.length).toBeGreaterThan(0);
    for (const rule of rules ?? []) expect(Object.keys(ACCESS_RULES)).toContain(rule);
    // 'none' says there is nothing to limit: it does not hide among limits.
    if (rules?.includes('none')) expect(rules).toEqual(['none']);
  });

  it.each(pageOnly)('%s, which only extension pages send, declares none', (type) => {
    expect(accessRulesOf(type)).toBeUndefined();
  });

  it.each(fromTrint)('%s carries what its rules read', (type) => {
    const { payload, answer } = PROTOCOL[type];
    for (const rule of accessRulesOf(type) ?? []) {
      const reads = READS[rule];
      if (reads.length > 0) {
        expect(
          reads.some((field) => field in shapeOf(payload)),
          `${rule} of ${type}`,
        ).toBe(true);
      }
      if (rule === 'own jobs') expect(kindOf(answer)).toBe('array');
      if (rule === 'shows contacts') expect(shapeOf(answer)).toHaveProperty('contacts');
    }
  });

  it('lists the rules the table uses, and no rule it does not', () => {
    const used = new Set(fromTrint.flatMap((type) => accessRulesOf(type) ?? []));
    expect([...used].sort()).toEqual(Object.keys(ACCESS_RULES).sort());
  });
});
