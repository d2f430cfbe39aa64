// `npm run broker`: the OAuth token broker over HTTP (see broker/README.md). Environment:
// BROKER_CLIENT_ID, BROKER_CLIENT_SECRET, BROKER_ALLOWED_ORIGINS (comma-separated), PORT (8787),
// HOST (127.0.0.1), GHL_TOKEN_URL (GHL's), BROKER_REDIRECT_URIS, BROKER_TRUST_PROXY. Exits with code 1 when the environment is incomplete.
import { brokerConfigFromEnv } from './broker-config';
import { startBrokerServer } from './http-server';

const result = brokerConfigFromEnv(process.env);
if (!result.ok) {
  console.error(
    `Token broker not started:\n  ${result.errors.join('\n  ')}\nSee broker/README.md.`,
  );
  process.exit(1);
}
const { config } = result;
const server = await startBrokerServer({ ...config, log: (line) => console.log(line) });
// The client id and origins are public; the secret is never printed.
console.log(`Token broker listening on ${server.url}
  client    ${config.broker.clientId}
  origins   ${config.broker.allowedOrigins.join(', ')}
  forwards  ${config.broker.tokenUrl ?? 'GHL (services.leadconnectorhq.com)'}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
