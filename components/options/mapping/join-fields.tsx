import type { GhlSource, Transform } from '@/utils/messaging/field-mapping-schema';
import type { CustomFieldChoice } from '@/utils/messaging/protocol';
import { SourcePicker, TextField } from './source-picker';

type Join = Extract<Transform, { kind: 'join' }>;

/** The stored format joins at most this many other fields. */
const MOST = 5;

/**
 * The join transform's settings: the other GHL fields joined after the rule's own (each picked
 * like the rule's source) and the text between them.
 */
export function JoinFields(props: {
  id: string;
  transform: Join;
  customFields: CustomFieldChoice[];
  problemsId?: string;
  onChange(transform: Join): void;
}) {
  const { id, transform, customFields, problemsId, onChange } = props;
  const setWith = (sources: GhlSource[]) => onChange({ ...transform, with: sources });
  return (
    <fieldset class="field mapping-join">
      <legend class="field__label">Joined after it</legend>
      {transform.with.map((source, index) => (
        <div key={index} class="mapping-join__field">
          <SourcePicker
            id={`${id}-${index}`}
            label={`Joined field ${index + 1}`}
            source={source}
            customFields={customFields}
            problemsId={problemsId}
            onChange={(changed) =>
              setWith(transform.with.map((old, at) => (at === index ? changed : old)))
            }
          />
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => setWith(transform.with.filter((_, at) => at !== index))}
          >
            Remove joined field {index + 1}
          </button>
        </div>
      ))}
      {transform.with.length < MOST && (
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => setWith([...transform.with, { kind: 'standard', field: 'name' }])}
        >
          Add a field to join
        </button>
      )}
      <TextField
        id={`${id}-separator`}
        label="Separator"
        hint="Put between the texts, spaces included; empty texts are skipped."
        value={transform.separator}
        problemsId={problemsId}
        onValue={(separator) => onChange({ ...transform, separator })}
      />
    </fieldset>
  );
}
