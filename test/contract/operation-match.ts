import type { OpenApiSpec, SpecOperation } from './openapi-spec';

/** A concrete request path matched to the spec operation that serves it. */
export interface OperationMatch {
  operation: SpecOperation;
  /** The `{param}` segments' values, URL-decoded. */
  params: Record<string, string>;
}

/** Path segments; GHL serves '/contacts/' and '/contacts' alike, so one trailing slash is dropped. */
function segments(path: string): string[] {
  return path.replace(/\/$/, '').split('/').slice(1);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchTemplate(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const value = actual[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined && value !== '') params[name] = decode(value);
    else if (part !== value) return undefined;
  }
  return params;
}

/**
 * The operation a request goes to: same method, and a path that fits the template segment by
 * segment (`{contactId}` fits any one segment; a query string is ignored). When several fit,
 * the one with more fixed segments wins, as in GHL's router:
 * DELETE /contacts/x/campaigns/removeAll is `remove-contact-from-every-campaign`, not
 * `remove-contact-from-campaign` with campaignId "removeAll".
 */
export function matchOperation(
  spec: OpenApiSpec,
  method: string,
  path: string,
): OperationMatch | undefined {
  const actual = segments(path.split('?')[0] ?? '');
  const fits = spec.operations
    .filter((operation) => operation.method === method.toUpperCase())
    .flatMap((operation) => {
      const template = segments(operation.pathTemplate);
      const params = matchTemplate(template, actual);
      const fixed = template.filter((part) => !part.startsWith('{')).length;
      return params ? [{ operation, params, fixed }] : [];
    })
    .sort((a, b) => b.fixed - a.fixed);
  const best = fits[0];
  return best && { operation: best.operation, params: best.params };
}
