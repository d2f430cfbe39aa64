import { useEffect, useState } from 'preact/hooks';
import { auditFileName, auditToCsv, auditToJson } from '@/components/options/audit-export';
import type { Answer } from '@/utils/messaging/protocol';
import { sendMessage } from '@/utils/messaging/send-message';
import { useAction } from '../shared/use-action';
import { downloadFile } from './download-file';

type Entries = Answer<'audit/list'>;

/** Rows shown in the table; exports hold every entry the background sent. */
const SHOWN = 100;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * The audit log on the options page: every request the extension sent to GHL (when, which
 * operation and record, started by the person or by sync, the result), newest first, with
 * exports as CSV and JSON. Entries never hold a token, so they are safe to share.
 */
export function AuditLogView() {
  const [entries, setEntries] = useState<Entries>();
  const { busy, error, run } = useAction();
  const load = () => run(async () => setEntries(await sendMessage('audit/list', {})));
  useEffect(() => void load(), []);

  function save(format: 'csv' | 'json') {
    if (!entries) return;
    const text = format === 'csv' ? auditToCsv(entries) : auditToJson(entries);
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
    downloadFile(auditFileName(format, Date.now()), text, type);
  }

  const empty = entries?.length === 0;
  return (
    <section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title" class="card__title">
        Audit log
      </h2>
      <p class="card__text">
        Every request this extension sent to GHL. Tokens, messages and field values are never
        recorded; old entries are removed after the retention period.
      </p>
      <div class="row">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => void load()}
        >
          Refresh
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={!entries || empty}
          onClick={() => save('csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={!entries || empty}
          onClick={() => save('json')}
        >
          Export JSON
        </button>
      </div>
      {error && (
        <p class="message message--error" role="alert">
          {error}
        </p>
      )}
      {empty && <p class="hint">No requests to GHL yet.</p>}
      {entries && !empty && <AuditTable entries={entries} />}
    </section>
  );
}

function AuditTable({ entries }: { entries: Entries }) {
  const shown = entries.slice(0, SHOWN);
  return (
    <div class="audit">
      <table class="audit__table">
        <caption class="audit__caption">
          {entries.length > SHOWN
            ? `The latest ${SHOWN} of ${entries.length} requests, newest first (the exports hold all).`
            : `${entries.length} requests, newest first.`}
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Operation</th>
            <th scope="col">Record</th>
            <th scope="col">Started by</th>
            <th scope="col">Result</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((entry, index) => (
            <tr key={`${entry.at}-${index}`}>
              <td>
                <time dateTime={new Date(entry.at).toISOString()}>{dateTime.format(entry.at)}</time>
              </td>
              <td>
                <code>{entry.operation}</code> <span class="audit__method">{entry.method}</span>
              </td>
              <td>
                <code>{entry.recordId ?? '—'}</code>
              </td>
              <td>{entry.startedBy === 'person' ? 'You' : 'Sync'}</td>
              <td class={/^2\d\d$/.test(entry.result) ? undefined : 'audit__failure'}>
                {entry.result}
              </td>
              <td>{entry.durationMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
