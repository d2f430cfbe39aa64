import { unprocessable } from './ghl-responses';

/**
 * Reads a query string the way GHL validates it: unknown parameters are refused (422
 * "property x should not exist"), numbers must be numbers, required ones must be there.
 */
export function readQuery<K extends string>(
  query: URLSearchParams,
  spec: Record<K, 'string' | 'number' | 'required-string'>,
): Partial<Record<K, string | number>> {
  const messages: string[] = [];
  const result: Partial<Record<K, string | number>> = {};
  for (const key of new Set(query.keys())) {
    if (!(key in spec)) messages.push(`property ${key} should not exist`);
  }
  for (const [key, kind] of Object.entries(spec) as [K, string][]) {
    const raw = query.get(key);
    if (raw === null || raw === '') {
      if (kind === 'required-string') messages.push(`${key} should not be empty`);
      continue;
    }
    if (kind === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        messages.push(`${key} must be a number conforming to the specified constraints`);
      } else result[key] = value;
    } else result[key] = raw;
  }
  if (messages.length > 0) throw unprocessable(messages);
  return result;
}
