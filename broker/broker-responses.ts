/** Headers that let one allowed origin read an answer. */
export type CorsHeaders = Record<string, string>;

/**
 * CORS headers for an origin already checked against the allowed list. The origin is echoed,
 * never `*`, and `Vary: Origin` keeps a shared cache from serving one origin's answer to another.
 */
export function corsHeaders(origin: string): CorsHeaders {
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

/** The answer to a preflight: the extension's POST with a form Content-Type may follow. */
export function preflightResponse(cors: CorsHeaders): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...cors,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    },
  });
}

/**
 * An error the broker itself answers, shaped like GHL's (`{ statusCode, message }`, common
 * BadRequestDTO) so the extension explains it the same way. Messages are fixed text: they never
 * quote the request body, so no code, token or secret can come back in one.
 */
export function brokerError(
  status: number,
  message: string,
  cors: CorsHeaders | undefined,
  extraHeaders: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ statusCode: status, message }), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      // Refusals vary by Origin too: a cache must not serve one origin's 403 to another.
      Vary: 'Origin',
      ...cors,
      ...extraHeaders,
    },
  });
}

/**
 * `text` with every spelling of `secret` GHL could echo (as is, JSON-escaped, URL- or form-encoded)
 * replaced by `***`. GHL has no reason to echo it, but the broker must never hand it out.
 */
export function scrubSecret(text: string, secret: string): string {
  const spellings = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]);
  let scrubbed = text;
  for (const spelling of spellings) scrubbed = scrubbed.split(spelling).join('***');
  return scrubbed;
}
