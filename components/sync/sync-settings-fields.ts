import { syncSettingsSchema, type SyncSettings } from '@/utils/storage/sync-settings';

/** The parts of "What to sync" switched on or off with a checkbox (notes have three choices). */
export type PartKey = 'contactDetails' | 'tasks' | 'appointments' | 'businessContacts';

/** The settings entered as numbers. */
export type NumberKey = Exclude<keyof SyncSettings, 'version' | 'notes' | PartKey>;

/** How a number setting is shown and entered. */
export interface NumberField {
  key: NumberKey;
  label: string;
  unit: string;
  hint: string;
  /** Shown value = stored value × scale (the background share is stored 0–1, shown in %). */
  scale: number;
}

/** The number settings, in the order the form shows them. */
export const NUMBER_FIELDS: readonly NumberField[] = [
  {
    key: 'openTabSeconds',
    label: 'Transcript open in a tab',
    unit: 's',
    hint: 'Its contact is refreshed at least this often. 30 s is the browser’s shortest alarm.',
    scale: 1,
  },
  {
    key: 'recentMinutes',
    label: 'Transcripts viewed in the last 24 h',
    unit: 'min',
    hint: 'Their contacts are at most this old.',
    scale: 1,
  },
  {
    key: 'otherMinutes',
    label: 'Transcripts viewed in the last 30 days',
    unit: 'min',
    hint: 'Their contacts are at most this old.',
    scale: 1,
  },
  {
    key: 'dormantHours',
    label: 'Transcripts not viewed for 30 days',
    unit: 'h',
    hint: 'Their contacts are at most this old; opening one refreshes it at once.',
    scale: 1,
  },
  {
    key: 'dailyBudgetPercent',
    label: 'Daily budget of background sync, of the location’s daily GHL limit',
    unit: '%',
    hint: 'The limit is shared by everyone on the location. When a day of the times above would cost more, the sync waits longer between refreshes, beginning with the least viewed transcripts.',
    scale: 1,
  },
  {
    key: 'teamBudgetPercent',
    label: 'Whole team’s background sync, of the location’s daily GHL limit',
    unit: '%',
    hint: 'Everyone on the location spends the same daily limit. When all the team’s extensions together spend faster than this, each one waits longer between refreshes, in proportion to what it spends.',
    scale: 1,
  },
  {
    key: 'backgroundShare',
    label: 'Background share of the GHL rate limit',
    unit: '%',
    hint: 'The rest is kept for what you do in the panel, so it never waits behind the sync.',
    scale: 100,
  },
  {
    key: 'auditRetentionDays',
    label: 'Keep the audit log for',
    unit: 'days',
    hint: 'Older entries are removed.',
    scale: 1,
  },
  {
    key: 'maxUnlinkedContacts',
    label: 'Contacts kept without a linked transcript',
    unit: 'contacts',
    hint: 'Above this, the least recently used are removed from this device (not from GHL).',
    scale: 1,
  },
];

/** A checkbox of "What to sync". */
export interface PartField {
  key: PartKey;
  label: string;
  hint: string;
}

/**
 * Each part off is fewer GHL requests: contact details, tasks and appointments are read for many
 * contacts at once (utils/sync/bulk-reads.ts), notes one request per contact.
 */
const SAVES = 'Off saves GHL requests at every sync.';

/** The checkboxes of "What to sync", in the order the form shows them (notes come after). */
export const PART_FIELDS: readonly PartField[] = [
  {
    key: 'contactDetails',
    label: 'Contact details',
    hint: `Email, phone, company, tags and the other mapped fields. ${SAVES} The card keeps the name the contact had.`,
  },
  { key: 'tasks', label: 'Tasks', hint: SAVES },
  { key: 'appointments', label: 'Appointments', hint: SAVES },
  {
    key: 'businessContacts',
    label: 'Others at this business',
    hint: 'The contact’s colleagues on the card. Off saves the request each card makes for them.',
  },
];

/** The notes choices: which GHL notes are attached to linked transcripts. */
export const NOTES_CHOICES: readonly { value: SyncSettings['notes']; label: string }[] = [
  { value: 'all', label: 'All notes' },
  { value: 'pinned', label: 'Key (pinned) notes only' },
  { value: 'off', label: 'No notes' },
];

/** What the notes choices say about requests. */
export const NOTES_HINT =
  'Key notes are the ones pinned in GHL. No notes saves one GHL request per linked contact at every sync.';

/** What the form holds: numbers as typed, so a half-typed value is kept, not coerced. */
export interface SettingsDraft {
  numbers: Record<NumberKey, string>;
  notes: SyncSettings['notes'];
  parts: Record<PartKey, boolean>;
}

/** The range a field accepts, in shown units, read from the settings schema. */
export function boundsOf(field: NumberField): { min: number; max: number; whole: boolean } {
  const schema = syncSettingsSchema.shape[field.key];
  return {
    min: shown((schema.minValue ?? 0) * field.scale),
    max: shown((schema.maxValue ?? Number.MAX_SAFE_INTEGER) * field.scale),
    whole: schema.isInt,
  };
}

// Rounds away float noise such as 0.29 × 100 = 28.999999999999996.
const shown = (value: number) => Math.round(value * 1e6) / 1e6;

/** The form's starting values for stored settings. */
export function toDraft(settings: SyncSettings): SettingsDraft {
  const numbers = {} as Record<NumberKey, string>;
  for (const field of NUMBER_FIELDS) {
    numbers[field.key] = String(shown(settings[field.key] * field.scale));
  }
  const parts = {} as Record<PartKey, boolean>;
  for (const field of PART_FIELDS) parts[field.key] = settings[field.key];
  return { numbers, notes: settings.notes, parts };
}

/**
 * Checks a draft against the settings schema: the settings when every field is valid, else an
 * error in words for each invalid field ("Enter a whole number from 30 to 3600 s.").
 */
export function checkDraft(draft: SettingsDraft): {
  settings?: SyncSettings;
  errors: Partial<Record<NumberKey, string>>;
} {
  const errors: Partial<Record<NumberKey, string>> = {};
  const values: Partial<Record<NumberKey, number>> = {};
  for (const field of NUMBER_FIELDS) {
    const text = draft.numbers[field.key].trim();
    const value = text === '' ? Number.NaN : shown(Number(text) / field.scale);
    if (syncSettingsSchema.shape[field.key].safeParse(value).success) {
      values[field.key] = value;
    } else {
      const { min, max, whole } = boundsOf(field);
      errors[field.key] =
        `Enter a ${whole ? 'whole ' : ''}number from ${min} to ${max} ${field.unit}.`;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  const settings = syncSettingsSchema.parse({
    version: 1,
    notes: draft.notes,
    ...draft.parts,
    ...values,
  });
  return { settings, errors };
}
