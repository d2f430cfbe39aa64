import { describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../db/cache-schema';
import { DEFAULT_SYNC_SETTINGS } from '../../storage/sync-settings';
import { buildDashboard } from '../build-dashboard';
import type { DashboardSource } from '../dashboard-source';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const OPTIONS = { now: NOW, settings: DEFAULT_SYNC_SETTINGS };

/** Jane linked to `transcripts`, with `dueDates` as her open tasks. */
function source(
  transcripts: string[],
  dueDates: (string | null | undefined)[],
  failedJobs: OutboxJob[] = [],
): DashboardSource {
  return {
    links: transcripts.map((transcriptId) => ({
      transcriptId,
      contactId: 'jane',
      locationId: 'loc',
      linkedAt: NOW,
    })),
    records: new Map(transcripts.map((id) => [id, { transcriptId: id, title: id, noteIds: [] }])),
    contacts: new Map([
      ['jane', { id: 'jane', locationId: 'loc', contact: { id: 'jane' }, lastUsedAt: NOW }],
    ]),
    tasks: new Map([
      [
        'jane',
        dueDates.map((dueDate, i) => ({ id: `t${i}`, title: 'T', dueDate, completed: false })),
      ],
    ]),
    notes: new Map(),
    failedJobs,
  };
}

describe('buildDashboard', () => {
  it.each([
    ['a minute ago', '2026-11-26T11:59:00.000Z', 1],
    ['exactly now', '2026-11-26T12:00:00.000Z', 0],
    ['later today', '2026-11-26T18:00:00.000Z', 0],
    ['no due date', undefined, 0],
    ['a null due date', null, 0],
    ['an unreadable one', 'next Tuesday', 0],
  ])('counts a task due %s as overdue %i time(s)', (_when, dueDate, overdue) => {
    const { rows, totals } = buildDashboard(source(['a'], [dueDate]), OPTIONS);
    expect(rows[0]).toMatchObject({ openTasks: 1, overdueTasks: overdue });
    expect(totals.overdueTasks).toBe(overdue);
  });

  it('counts a contact on three transcripts as one contact with its overdue tasks once', () => {
    const past = '2026-11-01T00:00:00.000Z';
    const { rows, totals } = buildDashboard(source(['a', 'b', 'c'], [past, past]), OPTIONS);
    expect(rows.map((row) => row.overdueTasks)).toEqual([2, 2, 2]);
    expect(totals).toEqual({ linkedTranscripts: 3, contacts: 1, overdueTasks: 2, failedJobs: 0 });
  });

  it('counts a failed write about the contact on every row and once in the totals', () => {
    const failed: OutboxJob = {
      id: 'job',
      createdAt: NOW,
      operation: { kind: 'note.delete', contactId: 'jane', noteId: 'n1' },
      status: 'failed',
      attempts: 3,
      nextAttemptAt: NOW,
      locationId: 'loc',
    };
    const { rows, totals } = buildDashboard(source(['a', 'b'], [], [failed]), OPTIONS);
    expect(rows.map((row) => row.failedJobs)).toEqual([1, 1]);
    expect(totals.failedJobs).toBe(1);
  });

  it('names a contact the cache does not hold "Unknown contact"', () => {
    const missing = { ...source(['a'], []), contacts: new Map() };
    expect(buildDashboard(missing, OPTIONS).rows[0]?.contactName).toBe('Unknown contact');
  });

  it('gives a row the Trint host its transcript was seen on, and none when unknown', () => {
    const rows = source(['eu', 'us'], []);
    rows.records.set('eu', {
      transcriptId: 'eu',
      title: 'eu',
      trintOrigin: 'https://app.eu.trint.com',
      noteIds: [],
    });
    const [eu, us] = buildDashboard(rows, OPTIONS).rows;
    expect(eu).toMatchObject({ transcriptId: 'eu', trintOrigin: 'https://app.eu.trint.com' });
    expect(us).toMatchObject({ transcriptId: 'us' });
    expect(us).not.toHaveProperty('trintOrigin');
  });

  it('orders rows by title, untitled ones last', () => {
    const rows = source(['b', 'a', 'c'], []);
    rows.records.set('c', { transcriptId: 'c', noteIds: [] });
    rows.records.set('b', { transcriptId: 'b', title: 'Zed', noteIds: [] });
    const order = buildDashboard(rows, OPTIONS).rows.map((row) => row.transcriptId);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
