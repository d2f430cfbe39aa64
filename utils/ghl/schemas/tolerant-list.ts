import { z } from 'zod';

/**
 * Lists read one record at a time. GHL's real answers differ from its spec (an epoch
 * `dateOfBirth` in search answers, GoHighLevel/highlevel-api-docs#314; fields the spec marks
 * optional left out), and one record that does not fit must not fail its whole list: the panel,
 * the contact picker and the outbox's lost-create lookup all read lists.
 */

/** A record of a list that did not fit its schema: kept without some fields, or skipped. */
export interface OddRecord {
  /** The record's id, when it had one. */
  id?: string;
  /** 'kept': read without the fields that did not fit; 'skipped': no id, so not readable. */
  outcome: 'kept' | 'skipped';
  /** What did not fit, e.g. "field dueDate: Invalid input: expected string, received number". */
  reason: string;
}

/**
 * The odd records of each list parsed by {@link tolerantList}, by the list itself. A WeakMap
 * rather than a field on the list: callers get the plain array they always got, and the cache
 * never stores the report.
 */
const oddByList = new WeakMap<readonly unknown[], readonly OddRecord[]>();

/** The odd records GHL sent in `list` (a list a tolerant schema parsed); none for any other. */
export function oddRecordsOf(list: readonly unknown[]): readonly OddRecord[] {
  return oddByList.get(list) ?? [];
}

/** Fields dropped from one record at most before it is skipped (a loop guard). */
const MAX_DROPPED = 20;

/** The first issue of a failed parse, as one line. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(the whole record)';
  return `field ${field}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Reads one record: as it is when it fits; otherwise without each top-level field that does not
 * fit; skipped when it has no string id or still does not fit.
 */
function readRecord<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { record?: z.output<S>; odd?: OddRecord } {
  const first = schema.safeParse(raw);
  if (first.success) return { record: first.data };
  const reason = describe(first.error);
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : undefined;
  if (!id) return { odd: { outcome: 'skipped', reason } };
  const rest: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  let error = first.error;
  for (let dropped = 0; dropped < MAX_DROPPED; dropped += 1) {
    const key = error.issues[0]?.path[0];
    if (typeof key !== 'string' || key === 'id' || !(key in rest)) break;
    delete rest[key];
    const again = schema.safeParse(rest);
    if (again.success) return { record: again.data, odd: { id, outcome: 'kept', reason } };
    error = again.error;
  }
  return { odd: { id, outcome: 'skipped', reason } };
}

/**
 * A list of `item` read record by record (see the file comment): what fits is kept, what can be
 * read without some fields is kept without them, the rest is skipped; {@link oddRecordsOf} tells
 * which. Anything but an array still fails, as the answer is then not a list at all.
 */
export function tolerantList<S extends z.ZodType>(item: S) {
  return z.array(z.unknown()).transform((raws) => {
    const records: z.output<S>[] = [];
    const odd: OddRecord[] = [];
    for (const raw of raws) {
      const read = readRecord(item, raw);
      if (read.record !== undefined) records.push(read.record);
      if (read.odd) odd.push(read.odd);
    }
    if (odd.length > 0) oddByList.set(records, odd);
    return records;
  });
}
