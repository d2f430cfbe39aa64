import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging/send-message';
import { syncSettingsItem } from '@/utils/storage/sync-settings-item';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '@/utils/storage/sync-settings';
import { useStorageValue } from '../shared/use-storage-value';
import {
  boundsOf,
  checkDraft,
  NUMBER_FIELDS,
  toDraft,
  type NumberField,
  type SettingsDraft,
} from '../sync/sync-settings-fields';
import { WhatToSync } from './what-to-sync';

/**
 * How fresh the cached GHL data is kept, what to sync (which parts of a contact, which notes),
 * how much of the rate limit the background may use, and how long the audit log is kept. Each
 * field is checked as it is typed, against the same schema the background reads the settings
 * with; a change applies from the next sync run.
 */
export function SyncSettingsForm() {
  const stored = useStorageValue(syncSettingsItem);
  const [draft, setDraft] = useState<SettingsDraft>();
  const [dirty, setDirty] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  // Follow the stored settings (first read, another window saving) unless the person is editing.
  useEffect(() => {
    if (stored && !dirty) setDraft(toDraft(stored));
  }, [stored]);

  if (!draft) {
    return (
      <section class="card" aria-busy="true" aria-labelledby="sync-settings-title">
        <h2 id="sync-settings-title" class="card__title">
          Sync
        </h2>
      </section>
    );
  }
  const { settings, errors } = checkDraft(draft);

  function edit(next: SettingsDraft) {
    setDraft(next);
    setDirty(true);
    setOutcome(undefined);
  }
  async function write(next: SyncSettings, done: string) {
    try {
      // The background checks and stores them (only it writes storage).
      await sendMessage('settings/save', { settings: next });
      setDraft(toDraft(next));
      setDirty(false);
      setOutcome({ ok: true, text: done });
    } catch {
      setOutcome({ ok: false, text: 'The settings could not be saved. Try again.' });
    }
  }
  function save(event: Event) {
    event.preventDefault();
    if (settings) void write(settings, 'Saved. The next sync uses these settings.');
    else setOutcome({ ok: false, text: 'Fix the fields marked above, then save.' });
  }

  return (
    <section class="card" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title" class="card__title">
        Sync
      </h2>
      <p class="card__text">
        How fresh the GHL data shown next to transcripts is kept, and what of it is synced.
      </p>
      <form class="form" noValidate onSubmit={save}>
        {NUMBER_FIELDS.map((field) => (
          <NumberInput
            key={field.key}
            field={field}
            value={draft.numbers[field.key]}
            error={errors[field.key]}
            onInput={(value) =>
              edit({ ...draft, numbers: { ...draft.numbers, [field.key]: value } })
            }
          />
        ))}
        <WhatToSync
          value={{ parts: draft.parts, notes: draft.notes }}
          onChange={({ parts, notes }) => edit({ ...draft, parts, notes })}
        />
        {outcome && (
          <p
            class={`message ${outcome.ok ? '' : 'message--error'}`}
            role={outcome.ok ? 'status' : 'alert'}
          >
            {outcome.text}
          </p>
        )}
        <div class="row">
          <button type="submit" class="button">
            Save
          </button>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void write(DEFAULT_SYNC_SETTINGS, 'Defaults restored.')}
          >
            Reset to defaults
          </button>
        </div>
      </form>
    </section>
  );
}

function NumberInput({
  field,
  value,
  error,
  onInput,
}: {
  field: NumberField;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}) {
  const { min, max, whole } = boundsOf(field);
  const id = `sync-setting-${field.key}`;
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {field.label} ({field.unit})
      </label>
      <input
        id={id}
        class="field__input sync-settings__number"
        type="number"
        inputMode={whole ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={whole ? 1 : 'any'}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="hint">
        {field.hint}
      </p>
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
