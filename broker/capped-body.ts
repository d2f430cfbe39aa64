/** Token requests are a handful of short fields; 8 KB leaves room for long codes and tokens. */
export const MAX_BODY_BYTES = 8 * 1024;

/**
 * The request body as text, or `'too-large'` once it passes `maxBytes`. Reads the stream itself
 * and stops there, because `request.text()` would first buffer whatever a client chose to send.
 */
export async function readCappedText(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<string | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return 'too-large';
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
