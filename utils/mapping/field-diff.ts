import type { FieldChange } from '../messaging/protocol';

/**
 * The fields that differ between two versions of a transcript's record, for the preview's
 * before/after. `before` or `after` is absent where the field is absent; unchanged fields are left
 * out. Order: the fields of `after` as they come, then those only `before` had.
 */
export function diffFields(
  before: Record<string, string> | undefined,
  after: Record<string, string>,
): FieldChange[] {
  const old = before ?? {};
  const labels = [...new Set([...Object.keys(after), ...Object.keys(old)])];
  const changes: FieldChange[] = [];
  for (const label of labels) {
    const was = Object.hasOwn(old, label) ? old[label] : undefined;
    const is = Object.hasOwn(after, label) ? after[label] : undefined;
    if (was === is) continue;
    changes.push({
      label,
      ...(was === undefined ? {} : { before: was }),
      ...(is === undefined ? {} : { after: is }),
    });
  }
  return changes;
}
