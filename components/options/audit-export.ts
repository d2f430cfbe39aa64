import type { AuditEntryView as AuditEntry } from '@/utils/messaging/protocol';

/** The exported columns, in order: every field of an entry but its database key. */
const COLUMNS = [
  'at',
  'operation',
  'method',
  'recordId',
  'contactId',
  'startedBy',
  'result',
  'durationMs',
] as const satisfies readonly (keyof AuditEntry)[];

/** One entry as exported: the time as ISO 8601 (UTC), empty fields left out of JSON. */
function exported(entry: AuditEntry) {
  return {
    at: new Date(entry.at).toISOString(),
    operation: entry.operation,
    method: entry.method,
    recordId: entry.recordId,
    contactId: entry.contactId,
    startedBy: entry.startedBy,
    result: entry.result,
    durationMs: entry.durationMs,
  };
}

/**
 * A cell as RFC 4180 wants it, and safe to open in a spreadsheet: a cell that starts with
 * = + - @ (or a tab or carriage return) would be read as a formula, so it gets a leading
 * apostrophe (OWASP, "CSV Injection"). Ids come from GHL and are checked, but a result or an
 * operation name must not become a way in either.
 */
function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The entries as CSV: a header row, then one row per entry, lines ended by CRLF (RFC 4180). */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const rows = [
    COLUMNS.join(','),
    ...entries.map((entry) => {
      const row = exported(entry);
      return COLUMNS.map((column) => csvCell(row[column])).join(',');
    }),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

/** The entries as a JSON array, indented for reading. */
export function auditToJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify(entries.map(exported), null, 2)}\n`;
}

/** A download's file name, e.g. `ghl-audit-log-2026-11-26.csv` (the UTC date). */
export function auditFileName(format: 'csv' | 'json', now: number): string {
  return `ghl-audit-log-${new Date(now).toISOString().slice(0, 10)}.${format}`;
}
