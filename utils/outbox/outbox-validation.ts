import type { z } from 'zod';
import { endpointName, GHL_ENDPOINTS, type GhlEndpoint } from '../ghl/endpoints';
import { GhlError } from '../ghl/ghl-error';
import { outboxOperationSchema, type OutboxOperation } from '../messaging/write-schemas';
import type { ValidationContext } from './operations/operation';
import { operationFor } from './operations/registry';

export type { ValidationContext } from './operations/operation';

/**
 * Checks a write before the outbox stores it: its shape, then its body field by field against
 * the GHL endpoint's own (strict) schema, plus the few rules GHL enforces beyond the schema (a due
 * date that is a date, a title or note that is not blank: each kind's `body.rules`). A write GHL
 * would refuse with a 422 is refused here, with the field named, and nothing is stored: a queued
 * write that can never succeed would only turn into a failure later, away from the person who
 * made it. Returns the operation as it will be sent (contact.create with its locationId).
 */
export function validateOperation(operation: unknown, context: ValidationContext): OutboxOperation {
  const shape = outboxOperationSchema.safeParse(operation);
  if (!shape.success) {
    throw refused(
      'outbox',
      shape.error.issues.map((issue) => `${issue.path.join('.') || 'operation'}: ${issue.message}`),
    );
  }
  const op = shape.data;
  const rules = operationFor(op.kind).body;
  if (!('body' in op) || !rules) return op;
  const endpoint: GhlEndpoint<z.ZodType, z.ZodType> = GHL_ENDPOINTS[rules.endpoint];
  const name = endpointName(endpoint);
  const body = rules.prepare ? rules.prepare(op.body, context) : op.body;
  const parsed = endpoint.body!.safeParse(body);
  if (!parsed.success) {
    throw refused(
      name,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`),
    );
  }
  const checked = parsed.data as Record<string, unknown>;
  const problems = Object.keys(checked).length === 0 ? ['body: nothing to change'] : [];
  problems.push(...(rules.rules?.(checked, context) ?? []));
  if (problems.length > 0) throw refused(name, problems);
  return { ...op, body: checked };
}

function refused(endpoint: string, problems: string[]): GhlError {
  return new GhlError('validation', endpoint, {
    ghlMessages: problems,
    detail: `Not saved, GHL would refuse it: ${problems.join('; ')}.`,
  });
}
