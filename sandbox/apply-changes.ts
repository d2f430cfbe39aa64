/**
 * Applies an update body to a record: fields present in the body replace the record's, fields
 * left out keep their value (how GHL's PUT and the control API's PATCH behave).
 */
export function applyDefined<T extends object>(record: T, changes: object): T {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (record as Record<string, unknown>)[key] = value;
  }
  return record;
}
