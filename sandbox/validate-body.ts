import type { z } from 'zod';
import { unprocessable } from './ghl-responses';

/**
 * Validates a body the way GHL's API does (NestJS with class-validator, whitelist and
 * forbidNonWhitelisted): unknown properties and wrong types answer 422 with one message each.
 * Returns the parsed body.
 */
export function validateGhlBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw unprocessable(parsed.error.issues.flatMap((issue) => messagesFor(issue, body)));
}

function messagesFor(issue: z.core.$ZodIssue, body: unknown): string[] {
  const path = issue.path.map(String).join('.');
  const name = path || 'body';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => `property ${path ? `${path}.` : ''}${key} should not exist`);
    case 'invalid_type': {
      const typeMessage = `${name} ${TYPE_MESSAGES[issue.expected] ?? `must be a ${issue.expected}`}`;
      return valueAt(body, issue.path) === undefined
        ? [`${name} should not be empty`, typeMessage]
        : [typeMessage];
    }
    case 'invalid_value':
      return [`${name} must be one of the following values: ${issue.values.join(', ')}`];
    case 'too_big':
      return [`${name} must not be greater than ${String(issue.maximum)}`];
    case 'too_small':
      return [`${name} must not be less than ${String(issue.minimum)}`];
    default:
      return [`${name} has an invalid value`];
  }
}

const TYPE_MESSAGES: Record<string, string> = {
  string: 'must be a string',
  boolean: 'must be a boolean value',
  number: 'must be a number conforming to the specified constraints',
  array: 'must be an array',
  object: 'must be an object',
};

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  let current = body;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
