import { useEffect, useRef, useState } from 'preact/hooks';
import { namedRuleLabel } from '@/utils/mapping/named-label';
import { type FieldMapping } from '@/utils/messaging/field-mapping-schema';
import { errorWords, sendMessage } from '@/utils/messaging/send-message';

/** The mapping with one rule's showOnCard set, and nothing else changed. */
export function withCardFlag(mapping: FieldMapping, ruleId: string, show: boolean): FieldMapping {
  return {
    ...mapping,
    rules: mapping.rules.map((rule) => (rule.id === ruleId ? { ...rule, showOnCard: show } : rule)),
  };
}

/**
 * "Fields on the card": one checkbox per mapped field, saved at once. Each save sends the live
 * mapping, read again just before, changed only in that flag; saves run one after another, each on the mapping the
 * previous one made live, so two quick clicks do not undo each other. A failure is said in
 * words and its checkbox goes back. A field labelled by a custom field's id reads by the field's
 * name where the location's `customFields` are known.
 */
export function CardFieldToggles({
  customFields,
}: { customFields?: readonly { id: string; name: string }[] } = {}) {
  const [shown, setShown] = useState<FieldMapping>();
  const [loadError, setLoadError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(0);
  /** The mapping as the background last confirmed it. */
  const live = useRef<FieldMapping>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    sendMessage('mapping/get', {}).then(
      ({ mapping }) => {
        live.current = mapping;
        setShown(mapping);
      },
      (error: unknown) => setLoadError(errorWords(error, 'The mapped fields could not be read.')),
    );
  }, []);

  function toggle(ruleId: string, name: string, show: boolean) {
    setFailure(undefined);
    setShown((mapping) => mapping && withCardFlag(mapping, ruleId, show));
    setSaving((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        // The mapping as stored now: the options page may have applied another since this
        // popup opened (it can stay open as a tab), and sending the old one would undo that.
        const { mapping: current } = await sendMessage('mapping/get', {});
        const answer = await sendMessage('mapping/save', {
          mapping: withCardFlag(current, ruleId, show),
        });
        live.current = answer.mapping;
        setShown(answer.mapping);
      } catch (error) {
        setShown((mapping) => mapping && withCardFlag(mapping, ruleId, !show));
        const why = errorWords(error, 'Try again.');
        setFailure(`‘${name}’ could not be ${show ? 'shown on' : 'hidden from'} the card: ${why}`);
      } finally {
        setSaving((n) => n - 1);
      }
    });
  }

  if (loadError) {
    return (
      <p class="message message--error" role="alert">
        {loadError}
      </p>
    );
  }
  if (!shown || shown.rules.length === 0) return null;
  return (
    <section class="card" aria-labelledby="card-fields-title" aria-busy={saving > 0}>
      <h2 id="card-fields-title" class="card__title">
        Fields on the card
      </h2>
      <div class="card-fields" role="group" aria-labelledby="card-fields-title">
        {shown.rules.map((rule) => {
          const name = namedRuleLabel(rule, customFields);
          return (
            <label key={rule.id} class="check">
              <input
                type="checkbox"
                checked={rule.showOnCard}
                onChange={(event) => toggle(rule.id, name, event.currentTarget.checked)}
              />
              {name}
            </label>
          );
        })}
      </div>
      {failure && (
        <p class="message message--error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
