import type { Answer, DashboardRow } from '@/utils/messaging/protocol';

/** Now in the dashboard tests: 26 Nov 2026, 12:00 UTC. */
export const NOW = Date.parse('2026-11-26T12:00:00.000Z');

const row = (change: Partial<DashboardRow> & Pick<DashboardRow, 'transcriptId'>): DashboardRow => ({
  contactId: `c-${change.transcriptId}`,
  contactName: 'Someone',
  openTasks: 0,
  overdueTasks: 0,
  failedJobs: 0,
  contactDeleted: false,
  ...change,
});

/**
 * Four linked transcripts whose every column sorts differently: one untitled, one whose contact
 * was deleted in GHL, one never synced, and markup in a title and a name (shown as text).
 */
export const ROWS: DashboardRow[] = [
  row({
    transcriptId: 't-alpha',
    title: 'Alpha call',
    contactName: 'Ann Lee',
    openTasks: 2,
    overdueTasks: 1,
    latestNote: { body: 'Wants a pilot in Q1.', at: '2026-11-25T09:00:00.000Z' },
    syncedAt: NOW - 120_000,
  }),
  row({
    transcriptId: 't-bob',
    title: 'Bob review',
    contactName: 'Bob Roe',
    syncedAt: NOW - 86_400_000,
    failedJobs: 3,
    contactDeleted: true,
  }),
  row({
    transcriptId: 't-carl',
    contactName: 'Carl Diaz',
    openTasks: 5,
    overdueTasks: 2,
    latestNote: { body: 'Call back in December.', at: '2026-11-01T09:00:00.000Z' },
    failedJobs: 1,
  }),
  row({
    transcriptId: 't-delta',
    title: 'delta <b>sync</b>',
    contactName: 'Dee <script>alert(1)</script>',
    openTasks: 4,
    latestNote: { body: '<img src=x onerror=alert(1)>', at: '2026-11-20T09:00:00.000Z' },
    syncedAt: NOW - 3_600_000,
    failedJobs: 2,
  }),
];

/** The dashboard the background would answer for ROWS. */
export const LISTING: Answer<'dashboard/list'> = {
  rows: ROWS,
  totals: { linkedTranscripts: 4, contacts: 4, overdueTasks: 3, failedJobs: 6 },
};
