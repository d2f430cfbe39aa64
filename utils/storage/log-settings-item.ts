import { z } from 'zod/mini';
import { defineStoredItem } from './stored-item';

/** The storage key of what "Log this transcript to GHL" writes. */
export const LOG_SETTINGS_KEY = 'logSettings';

/**
 * What a log's note carries besides the title, link, time and speakers: the text the person
 * selected (or, with nothing selected, the transcript's first paragraphs), always the first
 * paragraphs, or nothing more than the link.
 */
export const LOG_CONTENTS = ['selection-or-opening', 'opening', 'link'] as const;
export type LogContent = (typeof LOG_CONTENTS)[number];

export const logSettingsSchema = z.object({
  version: z.literal(1),
  content: z.enum(LOG_CONTENTS),
});
/** The person's choice for "Log this transcript to GHL". */
export type LogSettings = z.infer<typeof logSettingsSchema>;

/** The selection when there is one: what the person pointed at, and something otherwise. */
export const DEFAULT_LOG_SETTINGS: LogSettings = { version: 1, content: 'selection-or-opening' };

/**
 * What "Log this transcript to GHL" puts in its note. Written by the background when the options
 * page sends 'settings/save-log'; read by the options page. The panel reads
 * {@link panelLogSettingsItem}.
 */
export const logSettingsItem = defineStoredItem({
  key: LOG_SETTINGS_KEY,
  area: 'kept',
  panelCopy: true,
  version: 1,
  schema: logSettingsSchema,
  fallback: () => DEFAULT_LOG_SETTINGS,
});

/**
 * The copy of the log settings the panel reads when a person logs (storage.local, which content
 * scripts can read and write: it only chooses what that page's own log carries).
 */
export const panelLogSettingsItem = defineStoredItem({
  key: LOG_SETTINGS_KEY,
  area: 'local',
  version: 1,
  schema: logSettingsSchema,
  fallback: () => DEFAULT_LOG_SETTINGS,
});
