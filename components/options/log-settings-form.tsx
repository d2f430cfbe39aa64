import { sendMessage } from '@/utils/messaging/send-message';
import {
  DEFAULT_LOG_SETTINGS,
  logSettingsItem,
  type LogContent,
} from '@/utils/storage/log-settings-item';
import { useAction } from '../shared/use-action';
import { useStorageValue } from '../shared/use-storage-value';

/** The choices, in words a person reads before picking. */
export const LOG_CONTENT_CHOICES: { value: LogContent; label: string }[] = [
  {
    value: 'selection-or-opening',
    label: 'The text you selected, or the first paragraphs when nothing is selected',
  },
  { value: 'opening', label: 'The first paragraphs of the transcript' },
  { value: 'link', label: 'Nothing beyond the title, speakers and link' },
];

/**
 * What "Log this transcript to GHL" puts in its note besides the title, the link back, the time
 * and the speakers. A choice is saved as it is made (radios: one click, nothing to forget to save).
 */
export function LogSettingsForm() {
  const settings = useStorageValue(logSettingsItem) ?? DEFAULT_LOG_SETTINGS;
  const action = useAction();
  return (
    <section class="card" aria-labelledby="log-settings-title">
      <h2 id="log-settings-title" class="card__title">
        Log this transcript to GHL
      </h2>
      <fieldset class="field" aria-describedby="log-settings-hint" disabled={action.busy}>
        <legend class="field__label">What the note carries</legend>
        {LOG_CONTENT_CHOICES.map((choice) => (
          <label key={choice.value} class="check">
            <input
              type="radio"
              name="log-content"
              value={choice.value}
              checked={settings.content === choice.value}
              onChange={() =>
                void action.run(() => sendMessage('settings/save-log', { content: choice.value }))
              }
            />
            {choice.label}
          </label>
        ))}
        <p id="log-settings-hint" class="hint">
          The note always has the transcript’s title, a link back to it, when it was logged and the
          speakers. Logging again updates the same note.
        </p>
      </fieldset>
      {action.error && (
        <p class="message message--error" role="alert">
          {action.error}
        </p>
      )}
    </section>
  );
}
