import type { Sandbox } from '../../sandbox/sandbox-handler';

/**
 * Calls the Sandbox's control API (`/__sandbox/…`) the way a person working in GHL would change
 * things: mint or revoke a token, edit a contact. Throws on anything but 2xx.
 */
export async function sandboxControl<T = unknown>(
  sandbox: Sandbox,
  path: string,
  body?: unknown,
  method: string = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const response = await sandbox.handle(
    new Request(`https://services.leadconnectorhq.com/__sandbox/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  if (!response.ok) throw new Error(`Sandbox control ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
