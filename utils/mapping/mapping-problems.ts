import { ruleSources } from './apply-mapping';
import {
  DATE_FIELDS,
  sourceLabel,
  targetLabel,
  type FieldMapping,
  type GhlSource,
  type MappingRule,
  type StandardField,
} from './field-mapping';

/**
 * What is wrong with a mapping the schema accepts but a person would not mean: two rules filling
 * one field, a transform that cannot work on its source. The editor shows them beside the rule;
 * saving and importing refuse a mapping that has any.
 */

/** One thing wrong with a mapping, in words a person can act on. */
export interface MappingProblem {
  /** The rule it is about; absent when it is about the whole mapping. */
  ruleId?: string;
  /** Which part of the rule to fix. */
  part: 'source' | 'target' | 'transform' | 'mapping';
  message: string;
}

const NAME_FIELDS: readonly StandardField[] = ['name', 'firstName', 'lastName'];

/** Everything wrong with the mapping, in rule order; [] when it is fine. */
export function mappingProblems(mapping: FieldMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const ids = new Set<string>();
  const targets = new Set<string>();
  for (const rule of mapping.rules) {
    const target = targetLabel(rule.target);
    if (ids.has(rule.id)) {
      problems.push({
        ruleId: rule.id,
        part: 'mapping',
        message: `Two rules have the id ‘${rule.id}’`,
      });
    }
    ids.add(rule.id);
    // The target's name is the key in the record: "Email" and "email" would read as one field.
    const key = target.toLowerCase();
    if (targets.has(key)) {
      problems.push({ ruleId: rule.id, part: 'target', message: `Two rules fill ‘${target}’` });
    }
    targets.add(key);
    if (target in Object.prototype) {
      // The name is a key of the record's fields: "constructor" or "__proto__" would not be one.
      problems.push({
        ruleId: rule.id,
        part: 'target',
        message: `‘${target}’ cannot be a field name; choose another`,
      });
    }
    const message = transformProblem(rule, target);
    if (message) problems.push({ ruleId: rule.id, part: 'transform', message });
  }
  return problems;
}

/** Why a rule's transform cannot work on its source, if it cannot. */
function transformProblem(rule: MappingRule, target: string): string | undefined {
  const { source, transform } = rule;
  const from = sourceLabel(source);
  switch (transform?.kind) {
    case undefined:
      return undefined;
    case 'date':
      // A custom field may hold a date: GHL's custom date fields are not told apart here.
      return isStandard(source, (field) => !DATE_FIELDS.includes(field))
        ? `‘${target}’ formats ‘${from}’ as a date, but it is not a date`
        : undefined;
    case 'tag-filter':
      return isStandard(source, (field) => field !== 'tags')
        ? `‘${target}’ filters ‘${from}’ by tag, but only tags or a custom field can be filtered`
        : undefined;
    case 'name-part':
      return isStandard(source, (field) => !NAME_FIELDS.includes(field))
        ? `‘${target}’ takes part of ‘${from}’ as a name, but it is not a name`
        : undefined;
    case 'join': {
      const twice = repeatedSource(ruleSources(rule));
      return twice ? `‘${target}’ joins ‘${sourceLabel(twice)}’ with itself` : undefined;
    }
  }
}

function isStandard(source: GhlSource, test: (field: StandardField) => boolean): boolean {
  return source.kind === 'standard' && test(source.field);
}

/** A source one join reads twice (named as first read), if any. */
function repeatedSource(sources: GhlSource[]): GhlSource | undefined {
  const seen = new Map<string, GhlSource>();
  for (const source of sources) {
    const key = source.kind === 'standard' ? `standard:${source.field}` : `custom:${source.id}`;
    const first = seen.get(key);
    if (first) return first;
    seen.set(key, source);
  }
  return undefined;
}
