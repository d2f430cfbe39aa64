/**
 * One line of the Sandbox's traffic log (GHL_SANDBOX_LOG): what was asked and answered, with
 * every secret replaced by "***", so tests can check the extension's traffic against the OpenAPI
 * files and the log can be shared.
 */
export interface TrafficEntry {
  method: string;
  /** Path with its query string. */
  path: string;
  /** Request headers, lower-case names; authorization shown as "Bearer ***", other secrets ***. */
  headers: Record<string, string>;
  /** Parsed JSON body, or a form's string (the token call's), secrets masked at any depth. */
  body: unknown;
  status: number;
  /** Parsed JSON answer (the raw text if it was not JSON); tokens masked. */
  response: unknown;
}

/**
 * Names whose values are secrets wherever they appear: a header, a query parameter, a field of a
 * form or of a JSON body at any depth, a field of an answer. Compared without case; `code` (an
 * OAuth code) only as the whole name, the others also inside a longer one (`x-api-key`,
 * `refreshToken`, `clientSecret`).
 */
const SECRET_NAME =
  /token|secret|password|passwd|authorization|cookie|api[-_]?key|^code$|^code_verifier$/i;

/** Whether a header, parameter or field of this name holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Builds a log entry from the raw exchange, masking credentials. */
export function trafficEntry(exchange: {
  method: string;
  url: URL;
  headers: Headers;
  bodyText: string;
  status: number;
  responseText: string;
}): TrafficEntry {
  const headers: Record<string, string> = {};
  exchange.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    headers[lower] =
      lower === 'authorization' ? maskBearer(value) : isSecretName(lower) ? '***' : value;
  });
  return {
    method: exchange.method,
    path: exchange.url.pathname + maskForm(exchange.url.search.slice(1), '?'),
    headers,
    body: maskBody(exchange.bodyText),
    status: exchange.status,
    response: maskBody(exchange.responseText),
  };
}

function maskBearer(value: string): string {
  return /^Bearer\s/i.test(value) ? 'Bearer ***' : '***';
}

/**
 * A body or answer, masked: JSON at any depth; else, a form (the token call's documented body)
 * when it parses as one with a secret in it; else the text with any `"name":"value"` pair of a
 * secret name masked (an answer cut off mid-way is not JSON but may still hold a token).
 */
function maskBody(text: string): unknown {
  const json = parseJson(text);
  if (typeof json !== 'string') return maskValue(json);
  if (/^[^\s{"[]*=/.test(text) && [...new URLSearchParams(text).keys()].some(isSecretName)) {
    return maskForm(text, '');
  }
  return text.replace(/"([^"]*)"\s*:\s*"[^"]*"?/g, (pair, name: string) =>
    isSecretName(name) ? `"${name}":"***"` : pair,
  );
}

/** A form or query string with the values of secret names replaced by *** (prefix if any). */
function maskForm(text: string, prefix: string): string {
  if (text === '') return '';
  const form = new URLSearchParams(text);
  for (const [name] of form) if (isSecretName(name)) form.set(name, '***');
  return prefix + form.toString().replace(/%2A%2A%2A/g, '***');
}

/** Masks every field of a secret name, in objects and arrays at any depth. */
function maskValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValue);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [
      name,
      isSecretName(name) ? '***' : maskValue(field),
    ]),
  );
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
