import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_SETTINGS } from '@/utils/storage/sync-settings';
import {
  boundsOf,
  checkDraft,
  NOTES_CHOICES,
  NUMBER_FIELDS,
  PART_FIELDS,
  toDraft,
  type NumberKey,
} from '../sync-settings-fields';

const field = (key: NumberKey) => NUMBER_FIELDS.find((f) => f.key === key)!;
const draft = (numbers: Partial<Record<NumberKey, string>>) => {
  const base = toDraft(DEFAULT_SYNC_SETTINGS);
  return { ...base, numbers: { ...base.numbers, ...numbers } };
};

describe('sync settings fields', () => {
  it('covers every number setting once', () => {
    const keys = Object.entries(DEFAULT_SYNC_SETTINGS)
      .filter(([k, v]) => k !== 'version' && typeof v === 'number')
      .map(([k]) => k);
    expect(NUMBER_FIELDS.map((f) => f.key).sort()).toEqual(keys.sort());
  });

  it('covers every part of What to sync once, and every notes choice', () => {
    const keys = Object.entries(DEFAULT_SYNC_SETTINGS)
      .filter(([, v]) => typeof v === 'boolean')
      .map(([k]) => k);
    expect(PART_FIELDS.map((f) => f.key).sort()).toEqual(keys.sort());
    expect(NOTES_CHOICES.map((c) => c.value)).toEqual(['all', 'pinned', 'off']);
  });

  it('carries the parts and the notes choice through a draft', () => {
    const settings = { ...DEFAULT_SYNC_SETTINGS, tasks: false, notes: 'off' as const };
    expect(toDraft(settings).parts).toMatchObject({ tasks: false, contactDetails: true });
    expect(checkDraft(toDraft(settings)).settings).toEqual(settings);
  });

  it('reads each range from the settings schema, in shown units', () => {
    expect(boundsOf(field('openTabSeconds'))).toEqual({ min: 30, max: 3600, whole: true });
    expect(boundsOf(field('backgroundShare'))).toEqual({ min: 10, max: 90, whole: false });
  });

  it('shows the background share in percent', () => {
    expect(
      toDraft({ ...DEFAULT_SYNC_SETTINGS, backgroundShare: 0.29 }).numbers.backgroundShare,
    ).toBe('29');
  });

  it('turns valid entries into settings', () => {
    const { settings, errors } = checkDraft({
      ...draft({ openTabSeconds: ' 45 ', backgroundShare: '35' }),
      notes: 'pinned',
    });
    expect(errors).toEqual({});
    expect(settings).toEqual({
      ...DEFAULT_SYNC_SETTINGS,
      openTabSeconds: 45,
      backgroundShare: 0.35,
      notes: 'pinned',
    });
  });

  it.each<[NumberKey, string, string]>([
    ['openTabSeconds', '', 'Enter a whole number from 30 to 3600 s.'],
    ['openTabSeconds', 'abc', 'Enter a whole number from 30 to 3600 s.'],
    ['openTabSeconds', '29', 'Enter a whole number from 30 to 3600 s.'],
    ['openTabSeconds', '30.5', 'Enter a whole number from 30 to 3600 s.'],
    ['otherMinutes', '10081', 'Enter a whole number from 5 to 10080 min.'],
    ['backgroundShare', '95', 'Enter a number from 10 to 90 %.'],
    ['auditRetentionDays', '0', 'Enter a whole number from 1 to 365 days.'],
  ])('refuses %s = %j', (key, text, error) => {
    const checked = checkDraft(draft({ [key]: text }));
    expect(checked.settings).toBeUndefined();
    expect(checked.errors).toEqual({ [key]: error });
  });
});
