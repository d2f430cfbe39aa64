import type { z } from 'zod';
import { endpointName, GHL_ENDPOINTS as E, type GhlEndpoint } from '../ghl/endpoints';
import { GhlError } from '../ghl/ghl-error';
import { outboxOperationSchema, type OutboxOperation } from './outbox-operations';

/** The endpoint whose documented body each body-carrying operation must match. */
const BODY_ENDPOINTS = {
  'contact.create': E.createContact,
  'contact.update': E.updateContact,
  'task.create': E.createTask,
  'task.update': E.updateTask,
  'note.create': E.createNote,
  'note.update': E.updateNote,
} as const satisfies Partial<Record<OutboxOperation['kind'], GhlEndpoint>>;

/** What validation needs to know about the connection. */
export interface ValidationContext {
  /** The connected location: contact.create gets it as its body's locationId. */
  locationId: string;
}

/**
 * Checks a write before the outbox stores it: its shape, then its body field by field against
 * the GHL endpoint's own (strict) schema, plus the few rules GHL enforces beyond the schema (a due
 * date that is a date, a title or note that is not blank). A write GHL would refuse with a 422 is
 * refused here, with the field named, and nothing is stored: a queued write that can never
 * succeed would only turn into a failure later, away from the person who made it.
 * Returns the operation as it will be sent (contact.create with its locationId filled in).
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
  if (!('body' in op)) return op;
  const endpoint: GhlEndpoint<z.ZodType, z.ZodType> = BODY_ENDPOINTS[op.kind];
  const name = endpointName(endpoint);
  const body =
    op.kind === 'contact.create' ? { locationId: context.locationId, ...op.body } : op.body;
  const parsed = endpoint.body!.safeParse(body);
  if (!parsed.success) {
    throw refused(
      name,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`),
    );
  }
  const problems = extraRules(op.kind, parsed.data as Record<string, unknown>, context);
  if (problems.length > 0) throw refused(name, problems);
  return { ...op, body: parsed.data as Record<string, unknown> };
}

/** Rules GHL applies that its schemas do not say, and what reconciling a create relies on. */
function extraRules(
  kind: keyof typeof BODY_ENDPOINTS,
  body: Record<string, unknown>,
  context: ValidationContext,
): string[] {
  const problems: string[] = [];
  const blank = (field: string) => typeof body[field] === 'string' && !String(body[field]).trim();
  if (Object.keys(body).length === 0) problems.push('body: nothing to change');
  if (kind.startsWith('task.')) {
    if (blank('title')) problems.push('title: must not be blank');
    const due = body.dueDate;
    // GHL stores due dates as instants and answers 422 to anything Date.parse cannot read.
    if (typeof due === 'string' && Number.isNaN(Date.parse(due))) {
      problems.push('dueDate: must be an ISO 8601 date');
    }
  }
  if (kind.startsWith('note.') && blank('body')) problems.push('body: must not be blank');
  if (kind === 'contact.create') {
    if (body.locationId !== context.locationId) {
      problems.push(`locationId: must be the connected location (${context.locationId})`);
    }
    // A create whose answer is lost is looked up by email, phone or name before it is sent
    // again (outbox-reconcile.ts); a contact with none of them could be created twice.
    const identifying = ['email', 'phone', 'name', 'firstName', 'lastName'];
    if (!identifying.some((field) => typeof body[field] === 'string' && body[field] !== '')) {
      problems.push('contact: needs a name, email or phone');
    }
  }
  return problems;
}

function refused(endpoint: string, problems: string[]): GhlError {
  return new GhlError('validation', endpoint, {
    ghlMessages: problems,
    detail: `Not saved, GHL would refuse it: ${problems.join('; ')}.`,
  });
}
