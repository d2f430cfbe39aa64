import { describe, expect, it } from 'vitest';
import type { TranscriptLink } from '../../db/cache-schema';
import { planSync, tierMaxAgeMs, type FreshnessInputs } from '../freshness-tiers';
import { DEFAULT_SYNC_SETTINGS } from '../../storage/sync-settings';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function link(transcriptId: string, contactId: string): TranscriptLink {
  return { transcriptId, contactId, locationId: 'loc', linkedAt: 0 };
}

/**
 * Transcripts: t-open (open in a tab), t-recent (viewed 2 h ago), t-old (viewed 3 days ago),
 * t-dormant (viewed 40 days ago), t-never (never shown).
 */
function inputs(
  links: TranscriptLink[],
  syncedAgo: Record<string, number | undefined>,
  extra: Partial<FreshnessInputs> = {},
): FreshnessInputs {
  return {
    links,
    records: [
      { transcriptId: 't-recent', lastViewedAt: NOW - 2 * HOUR },
      { transcriptId: 't-old', lastViewedAt: NOW - 72 * HOUR },
      { transcriptId: 't-dormant', lastViewedAt: NOW - 40 * 24 * HOUR },
    ],
    contacts: new Map(
      Object.entries(syncedAgo).map(([id, ago]) => [
        id,
        { syncedAt: ago === undefined ? undefined : NOW - ago },
      ]),
    ),
    openTranscriptIds: ['t-open'],
    settings: DEFAULT_SYNC_SETTINGS,
    now: NOW,
    ...extra,
  };
}

describe('freshness tiers', () => {
  it.each([
    ['open', 30 * SECOND],
    ['recent', 5 * MINUTE],
    ['other', 60 * MINUTE],
    ['dormant', 24 * HOUR],
  ] as const)('the %s tier allows %i ms by default', (tier, ms) => {
    expect(tierMaxAgeMs(tier, DEFAULT_SYNC_SETTINGS)).toBe(ms);
  });

  it.each([
    // [case, transcript, synced ago, due?]
    ['open tab, synced 31 s ago', 't-open', 31 * SECOND, true],
    ['open tab, synced 29 s ago', 't-open', 29 * SECOND, false],
    ['viewed today, synced 6 min ago', 't-recent', 6 * MINUTE, true],
    ['viewed today, synced 4 min ago', 't-recent', 4 * MINUTE, false],
    ['viewed 3 days ago, synced 30 min ago', 't-old', 30 * MINUTE, false],
    ['viewed 3 days ago, synced 61 min ago', 't-old', 61 * MINUTE, true],
    ['never viewed, synced 59 min ago', 't-never', 59 * MINUTE, false],
    ['never viewed, synced 61 min ago', 't-never', 61 * MINUTE, true],
    ['viewed 40 days ago, synced 23 h ago', 't-dormant', 23 * HOUR, false],
    ['viewed 40 days ago, synced 25 h ago', 't-dormant', 25 * HOUR, true],
    ['never synced', 't-never', undefined, true],
  ] as const)('%s → due: %s', (_name, transcriptId, ago, due) => {
    const plan = planSync(inputs([link(transcriptId, 'c1')], { c1: ago }));
    expect(plan.due.map((c) => c.contactId)).toEqual(due ? ['c1'] : []);
  });

  it('a contact takes the best tier among its transcripts', () => {
    const plan = planSync(inputs([link('t-old', 'c1'), link('t-open', 'c1')], { c1: 40 * SECOND }));
    expect(plan.due).toEqual([expect.objectContaining({ contactId: 'c1', tier: 'open' })]);
  });

  it('orders due contacts open tab first, then recent, then the rest; most overdue first', () => {
    const plan = planSync(
      inputs(
        [
          link('t-old', 'other-a'),
          link('t-x', 'other-b'),
          link('t-recent', 'recent'),
          link('t-open', 'open'),
          link('t-y', 'never'),
        ],
        {
          'other-a': 2 * HOUR,
          'other-b': 5 * HOUR,
          recent: 10 * MINUTE,
          open: 1 * MINUTE,
          never: undefined,
        },
      ),
    );
    expect(plan.due.map((c) => c.contactId)).toEqual([
      'open',
      'recent',
      'never',
      'other-b',
      'other-a',
    ]);
  });

  it('says when the next contact falls due, and counts one due within the grace as due', () => {
    const links = [link('t-open', 'open'), link('t-old', 'old')];
    const synced = { open: 20 * SECOND, old: 10 * MINUTE };
    expect(planSync(inputs(links, synced)).nextDueAt).toBe(NOW + 10 * SECOND);
    const graced = planSync(inputs(links, synced, { graceMs: 15 * SECOND }));
    expect(graced.due.map((c) => c.contactId)).toEqual(['open']);
    expect(graced.nextDueAt).toBe(NOW + 50 * MINUTE);
  });

  it('leaves out contacts deleted in GHL', () => {
    const plan = planSync({
      ...inputs([link('t-open', 'gone')], {}),
      contacts: new Map([['gone', { syncedAt: NOW - HOUR, deletedAt: NOW - HOUR }]]),
    });
    expect(plan).toEqual({ due: [], all: [], nextDueAt: undefined });
  });

  it.each([
    // [case, transcript, failures in a row, failed ago, due?]
    ['first failure, 59 s ago', 't-old', 1, 59 * SECOND, false],
    ['first failure, 61 s ago', 't-old', 1, 61 * SECOND, true],
    ['third failure, 3 min ago', 't-old', 3, 3 * MINUTE, false],
    ['third failure, 4 min ago', 't-old', 3, 4 * MINUTE, true],
    ['tenth failure, 61 min ago: the tier age caps the delay', 't-old', 10, 61 * MINUTE, true],
    ['open tab, fifth failure, 31 s ago', 't-open', 5, 31 * SECOND, true],
  ] as const)('a failed contact: %s → due: %s', (_name, transcriptId, failures, ago, due) => {
    const failure = { failedAt: NOW - ago, failures };
    const facts = { ...inputs([link(transcriptId, 'c1')], {}), everyContact: false };
    facts.contacts = new Map([['c1', { syncedAt: NOW - 2 * HOUR, failure }]]);
    expect(planSync(facts).due.map((c) => c.contactId)).toEqual(due ? ['c1'] : []);
    // A person's Sync now tries it anyway.
    expect(planSync({ ...facts, everyContact: true }).due).toHaveLength(1);
  });

  it('with everyContact (Sync now), fresh contacts are due too, in tier order', () => {
    const links = [link('t-old', 'old'), link('t-open', 'open')];
    const plan = planSync(inputs(links, { old: SECOND, open: SECOND }, { everyContact: true }));
    expect(plan.due.map((c) => c.contactId)).toEqual(['open', 'old']);
  });

  it('follows the settings', () => {
    const settings = { ...DEFAULT_SYNC_SETTINGS, otherMinutes: 5 };
    const plan = planSync(inputs([link('t-x', 'c1')], { c1: 6 * MINUTE }, { settings }));
    expect(plan.due).toHaveLength(1);
  });
});
