// `npm run sandbox`: the Sandbox GHL on http://127.0.0.1:<port>, for curl, the demo and tests.
// Environment: SANDBOX_PORT (default 4010), SANDBOX_CONTACTS (default 60), SANDBOX_SEED,
// SANDBOX_TOKEN_TTL (seconds), SANDBOX_SEARCH_LAG_MS (search's indexing lag, default 3000),
// GHL_SANDBOX_LOG (a file to append the traffic log to).
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../sandbox/sandbox-fixtures';
import { startSandboxServer } from './sandbox-server';

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a whole number, not "${raw}"`);
    process.exit(2);
  }
  return value;
}

const server = await startSandboxServer({
  port: numberFromEnv('SANDBOX_PORT') ?? 4010,
  contacts: numberFromEnv('SANDBOX_CONTACTS'),
  seed: numberFromEnv('SANDBOX_SEED'),
  tokenTtlSeconds: numberFromEnv('SANDBOX_TOKEN_TTL'),
  searchLagMs: numberFromEnv('SANDBOX_SEARCH_LAG_MS'),
  logFile: process.env.GHL_SANDBOX_LOG || undefined,
});
const { url } = server;
console.log(`Sandbox GHL listening on ${url}
  location  ${SANDBOX_LOCATION.id}  (${server.sandbox.state.data.contacts.size} contacts)
  tokens    ${SANDBOX_TOKENS.readWrite}  (read + write)
            ${SANDBOX_TOKENS.readOnly}  (read-only)
  try       curl -H 'Version: 2021-07-28' -H 'Authorization: Bearer ${SANDBOX_TOKENS.readWrite}' \\
              '${url}/contacts/?locationId=${SANDBOX_LOCATION.id}&limit=2'
  control   ${url}/__sandbox/`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
