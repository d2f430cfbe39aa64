import type { SyncSettings } from '@/utils/storage/sync-settings';
import { NOTES_CHOICES, NOTES_HINT, PART_FIELDS, type PartKey } from '../sync/sync-settings-fields';

/** What the "What to sync" group edits: the parts switched on, and which notes. */
export interface WhatToSyncValue {
  parts: Record<PartKey, boolean>;
  notes: SyncSettings['notes'];
}

/**
 * The "What to sync" group of the Sync card: a checkbox per part of a contact and the notes
 * choice. Each says what it saves, because the point of switching a part off is to spend fewer
 * GHL requests: a part off is neither fetched nor shown. Native checkboxes and radios in labelled
 * fieldsets: Tab and Space (arrows between radios) work, and every control has its name.
 */
export function WhatToSync({
  value,
  onChange,
}: {
  value: WhatToSyncValue;
  onChange: (next: WhatToSyncValue) => void;
}) {
  return (
    <fieldset class="field" aria-describedby="sync-parts-hint">
      <legend class="field__label">What to sync</legend>
      <p id="sync-parts-hint" class="hint">
        A part switched off is neither fetched from GHL nor shown next to transcripts.
      </p>
      {PART_FIELDS.map((field) => {
        const hintId = `sync-part-${field.key}-hint`;
        return (
          <div key={field.key} class="field">
            <label class="check">
              <input
                type="checkbox"
                checked={value.parts[field.key]}
                aria-describedby={hintId}
                onChange={(e) =>
                  onChange({
                    ...value,
                    parts: { ...value.parts, [field.key]: e.currentTarget.checked },
                  })
                }
              />
              {field.label}
            </label>
            <p id={hintId} class="hint">
              {field.hint}
            </p>
          </div>
        );
      })}
      <fieldset class="field" aria-describedby="sync-notes-hint">
        <legend class="field__label">GHL notes shown with a transcript</legend>
        {NOTES_CHOICES.map((choice) => (
          <label key={choice.value} class="check">
            <input
              type="radio"
              name="sync-notes"
              value={choice.value}
              checked={value.notes === choice.value}
              onChange={() => onChange({ ...value, notes: choice.value })}
            />
            {choice.label}
          </label>
        ))}
        <p id="sync-notes-hint" class="hint">
          {NOTES_HINT}
        </p>
      </fieldset>
    </fieldset>
  );
}
