import type { z } from 'zod/mini';

/**
 * A schema issue of an imported or stored mapping as words, e.g. "Rule 3: target name needs a
 * name". zod's own messages depend on which locale another module loaded, so the words come from
 * the issue's code; the contract's own check messages ("needs a name") are used as they are.
 */

/** What each key of the format is called. */
const KEY_WORDS: Record<string, string> = {
  id: 'id',
  source: 'source',
  target: 'target',
  transform: 'transform',
  showOnCard: 'show on card',
  kind: 'kind',
  field: 'field',
  label: 'name',
  with: 'joined field',
  separator: 'separator',
  part: 'name part',
  style: 'date style',
  mode: 'filter mode',
  tags: 'tag',
  version: 'version',
  format: 'format',
  bookkeeping: 'bookkeeping',
};

/** One issue as a sentence; `rowNoun` names the rows ("Rule", "Field"). */
export function issueWords(issue: z.core.$ZodIssue, input: unknown, rowNoun: string): string {
  const path = [...issue.path];
  // A row: "Rule 3" for rules[2] (version 2), "Field 3" for [2] (version 1's table).
  if (path[0] === 'rules' && typeof path[1] === 'number') path.shift();
  const row = typeof path[0] === 'number' ? `${rowNoun} ${path[0] + 1}` : undefined;
  const rest = row ? path.slice(1) : path;
  let keys = rest;
  // A union's tag on its own reads as the thing: "transform should be one of …".
  if (keys.at(-1) === 'kind' && keys.length > 1) keys = keys.slice(0, -1);
  // A list too long or short is said of its owner: "transform lists no tag".
  const listNoun = listIssue(issue) ? LIST_NOUNS[String(keys.at(-1))] : undefined;
  if (listNoun) keys = keys.slice(0, -1);
  let subject = keys
    .map((key) => {
      if (typeof key === 'number') return String(key + 1);
      if (key === 'label' && keys.length === 1) return 'label';
      return KEY_WORDS[String(key)] ?? String(key);
    })
    .join(' ');
  const predicate = predicateOf(issue, valueAt(input, issue.path), listNoun ?? 'items');
  // "separator separator is longer than 10 characters": the contract's message names it already.
  const last = subject.split(' ').at(-1);
  if (last && predicate.startsWith(`${last} `)) subject = subject.slice(0, -last.length).trim();
  if (row) return subject ? `${row}: ${subject} ${predicate}` : `${row} ${predicate}`;
  if (!subject) return `The mapping ${predicate}`;
  if (subject === 'rules') return `The mapping’s rules ${predicate}`;
  return `${subject[0]?.toUpperCase()}${subject.slice(1)} ${predicate}`;
}

/** The lists of the format, as their owner says it: "has more than 5 joined fields". */
const LIST_NOUNS: Record<string, string> = {
  rules: 'rules',
  with: 'joined fields',
  tags: 'tags',
};

function listIssue(issue: z.core.$ZodIssue): boolean {
  return (issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'array';
}

function predicateOf(issue: z.core.$ZodIssue, value: unknown, listNoun: string): string {
  // Our own messages start in lower case; zod's defaults ("Invalid input") do not.
  if (/^[a-z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? 'is missing'
        : `should be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return oneOf(issue.values);
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? oneOf(issue.options)
        : 'is not valid';
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} it does not know: ${issue.keys.map(quoted).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${Number(issue.minimum)} ${listNoun}`;
      return Number(issue.minimum) <= 1
        ? 'is empty'
        : `needs at least ${Number(issue.minimum)} characters`;
    case 'too_big':
      return `has more than ${Number(issue.maximum)} ${issue.origin === 'array' ? listNoun : 'characters'}`;
    default:
      return 'is not valid';
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function oneOf(values: readonly unknown[]): string {
  const words = values.map((value) => (typeof value === 'string' ? quoted(value) : String(value)));
  return words.length === 1 ? `should be ${words[0]}` : `should be one of ${words.join(', ')}`;
}

function quoted(text: string): string {
  return `‘${text}’`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
