import { invalidRequest } from './ghl-responses';

/** What a parameter must be; `required-number` is a number that must be there. */
type QueryKind = 'string' | 'number' | 'required-string' | 'required-number';

/**
 * Reads a query string the way GHL validates it: unknown parameters are refused ("property x
 * should not exist"), numbers must be numbers, required ones must be there. GHL answers 422;
 * the Calendars operations, which document no 422, answer 400 (`status`).
 */
export function readQuery<K extends string>(
  query: URLSearchParams,
  spec: Record<K, QueryKind>,
  status: 400 | 422 = 422,
): Partial<Record<K, string | number>> {
  const messages: string[] = [];
  const result: Partial<Record<K, string | number>> = {};
  for (const key of new Set(query.keys())) {
    if (!(key in spec)) messages.push(`property ${key} should not exist`);
  }
  for (const [key, kind] of Object.entries(spec) as [K, string][]) {
    const raw = query.get(key);
    if (raw === null || raw === '') {
      if (kind.startsWith('required-')) messages.push(`${key} should not be empty`);
      continue;
    }
    if (kind.endsWith('number')) {
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        messages.push(`${key} must be a number conforming to the specified constraints`);
      } else result[key] = value;
    } else result[key] = raw;
  }
  if (messages.length > 0) throw invalidRequest(status, messages);
  return result;
}
