import type { core } from 'zod/mini';
import { fieldMappingSchema, type FieldMapping } from '@/utils/messaging/field-mapping-schema';
import { mappingProblems, type MappingProblem } from '@/utils/mapping/mapping-problems';

/** Everything wrong with a draft, sorted by where the editor shows it. */
export interface DraftProblems {
  /** Problems of one rule, shown beside it. */
  byRule: ReadonlyMap<string, MappingProblem[]>;
  /** Problems of the mapping as a whole, shown above the rules. */
  general: MappingProblem[];
  count: number;
}

/**
 * The draft's problems: what the stored format refuses (an empty label, a bad custom field id,
 * an empty tag) in words a person reads, then what `mappingProblems` finds (two rules filling
 * one field, a transform that does not fit its source). Both block Apply and Preview.
 */
export function draftProblems(draft: FieldMapping): DraftProblems {
  const parsed = fieldMappingSchema.safeParse(draft);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => schemaProblem(draft, issue))),
    ...mappingProblems(draft),
  ];
  const byRule = new Map<string, MappingProblem[]>();
  const general: MappingProblem[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const key = `${problem.ruleId}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (problem.ruleId === undefined) general.push(problem);
    else byRule.set(problem.ruleId, [...(byRule.get(problem.ruleId) ?? []), problem]);
  }
  return { byRule, general, count: seen.size };
}

/** A schema issue as a problem of its rule and part. */
function schemaProblem(draft: FieldMapping, issue: core.$ZodIssue): MappingProblem {
  const [top, index, part, ...rest] = issue.path;
  const rule = top === 'rules' && typeof index === 'number' ? draft.rules[index] : undefined;
  if (!rule) return { part: 'mapping', message: sentence('The mapping', issue) };
  const inPart = part === 'source' || part === 'target' || part === 'transform';
  return {
    ruleId: rule.id,
    part: inPart ? part : 'mapping',
    message: sentence(subject(part, rest), issue),
  };
}

/** What the issue is about, by where it sits in the rule. */
function subject(part: PropertyKey | undefined, rest: PropertyKey[]): string {
  const last = rest.at(-1);
  if (part === 'transform' && rest[0] === 'with' && rest.length > 1) {
    return last === 'label' ? 'A joined custom field’s name' : 'A joined custom field’s id';
  }
  if (part === 'transform' && rest[0] === 'tags') {
    return rest.length > 1 ? 'A tag' : 'The tag filter';
  }
  if (part === 'transform' && rest[0] === 'separator') return 'The';
  if (part === 'source' && last === 'label') return 'The custom field’s name';
  if (part === 'source' && last === 'id') return 'The custom field id';
  if (part === 'target' && last === 'label') return 'The custom label';
  return 'This rule';
}

/**
 * "<subject> <what is wrong>", without a full stop like mappingProblems' words, with zod's
 * generic words replaced by plain ones.
 */
function sentence(subject: string, issue: core.$ZodIssue): string {
  const said = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
  const words =
    said ??
    (issue.code === 'too_small'
      ? 'is empty'
      : issue.code === 'too_big'
        ? 'is too long'
        : 'is not valid');
  return `${subject} ${words}`;
}
