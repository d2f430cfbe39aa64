import {
  STANDARD_FIELDS,
  type FieldMapping,
  type MappingRule,
  type StandardField,
} from '@/utils/messaging/field-mapping-schema';
import { targetLabel } from '@/utils/mapping/field-mapping';

/**
 * The edits a person makes to a draft mapping, as pure functions: each returns a new mapping and
 * leaves the one it was given alone (the live mapping and the last preview keep theirs).
 */

/** What a rule is called in buttons and announcements: its target's name, or its position. */
export function ruleName(mapping: FieldMapping, ruleId: string): string {
  const index = mapping.rules.findIndex((rule) => rule.id === ruleId);
  const rule = mapping.rules[index];
  const label = rule ? targetLabel(rule.target) : '';
  return label || `rule ${index + 1}`;
}

/**
 * Appends a rule that is valid as it stands: the first standard field no rule reads yet, into a
 * custom field of the same name (a duplicate name would be a problem the person did not make).
 */
export function addRule(mapping: FieldMapping): { mapping: FieldMapping; ruleId: string } {
  const read = new Set(
    mapping.rules.flatMap((rule) => (rule.source.kind === 'standard' ? [rule.source.field] : [])),
  );
  const fields = Object.keys(STANDARD_FIELDS) as StandardField[];
  const field = fields.find((key) => !read.has(key)) ?? 'name';
  const ids = new Set(mapping.rules.map((rule) => rule.id));
  let n = mapping.rules.length + 1;
  while (ids.has(`rule-${n}`)) n++;
  const rule: MappingRule = {
    id: `rule-${n}`,
    source: { kind: 'standard', field },
    target: { kind: 'custom', label: STANDARD_FIELDS[field] },
    showOnCard: true,
  };
  return { mapping: { ...mapping, rules: [...mapping.rules, rule] }, ruleId: rule.id };
}

/** Leaves the rule out. */
export function removeRule(mapping: FieldMapping, ruleId: string): FieldMapping {
  return { ...mapping, rules: mapping.rules.filter((rule) => rule.id !== ruleId) };
}

/** Moves the rule one place up (-1) or down (+1); at either end nothing moves. */
export function moveRule(mapping: FieldMapping, ruleId: string, by: -1 | 1): FieldMapping {
  const from = mapping.rules.findIndex((rule) => rule.id === ruleId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= mapping.rules.length) return mapping;
  const rules = [...mapping.rules];
  [rules[from], rules[to]] = [rules[to]!, rules[from]!];
  return { ...mapping, rules };
}

/** Puts `rule` in place of the rule with the same id. */
export function replaceRule(mapping: FieldMapping, rule: MappingRule): FieldMapping {
  return { ...mapping, rules: mapping.rules.map((old) => (old.id === rule.id ? rule : old)) };
}

/** Whether two mappings say the same (the draft against the live one). */
export function sameMapping(a: FieldMapping | undefined, b: FieldMapping | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
