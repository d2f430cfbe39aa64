import type { ConnectionStatus } from '@/utils/messaging/connection-status-schema';

type Known = Exclude<ConnectionStatus, { state: 'not-connected' }>;

const KIND_NAMES: Record<Known['kind'], string> = {
  pit: 'Private Integration token',
  oauth: 'OAuth (Marketplace app)',
  sandbox: 'Sandbox (built-in demo data)',
};

/** Location, how, what rights and since when: the facts of a connection, all as text. */
export function ConnectionFacts({ status }: { status: Known }) {
  return (
    <dl class="facts facts--compact">
      <div class="facts__row">
        <dt>Location</dt>
        <dd>
          {status.locationName && <span class="facts__name">{status.locationName} </span>}
          <code>{status.locationId}</code>
        </dd>
      </div>
      <div class="facts__row">
        <dt>Signed in with</dt>
        <dd>{KIND_NAMES[status.kind]}</dd>
      </div>
      <div class="facts__row">
        <dt>Access</dt>
        <dd>
          {status.scopes.join(', ') || 'none'}{' '}
          {!status.canWrite && <span class="badge badge--warning">Read-only</span>}
        </dd>
      </div>
      <div class="facts__row">
        <dt>Since</dt>
        <dd>
          <time dateTime={new Date(status.since).toISOString()}>
            {new Date(status.since).toLocaleString(undefined, {
              dateStyle: 'medium',
              timeStyle: 'short',
            })}
          </time>
        </dd>
      </div>
    </dl>
  );
}
