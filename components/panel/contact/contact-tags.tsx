import { useId, useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { usePanelActions } from '../panel-actions';

/** GHL's tag limit as the outbox checks it (utils/messaging/write-schemas.ts). */
const TAG_MAX_LENGTH = 200;

/** Props of {@link ContactTags}. */
export interface ContactTagsProps {
  contactId: string;
  /** The contact's tags, pending writes applied. */
  tags: string[];
  /** False: the chips only, without remove buttons or the add field. */
  editable: boolean;
}

/** Why a new tag cannot be added, or undefined. GHL keeps tags lowercase, so case is ignored. */
export function tagError(tag: string, tags: string[]): string | undefined {
  if (tag === '') return 'Enter a tag to add.';
  if (tag.length > TAG_MAX_LENGTH) return `A tag can have at most ${TAG_MAX_LENGTH} characters.`;
  const lower = tag.toLowerCase();
  if (tags.some((known) => known.toLowerCase() === lower)) {
    return `The contact already has the tag ‘${tag}’.`;
  }
  return undefined;
}

/**
 * The contact's tags as chips, each with "Remove tag <tag>", and an "Add tag" field: every change
 * is a `tags.add` / `tags.remove` write of that one tag, so a tag changed meanwhile in GHL is kept.
 */
export function ContactTags({ contactId, tags, editable }: ContactTagsProps) {
  const { write, announce } = usePanelActions();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const field = useRef<HTMLInputElement>(null);
  const id = useId();

  const add = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const tag = draft.trim();
    const problem = tagError(tag, tags);
    setError(problem);
    if (problem) return field.current?.focus();
    if (!(await write({ kind: 'tags.add', contactId, tags: [tag] }))) return;
    setDraft('');
    announce(`Tag ‘${tag}’ added — sending to GHL`);
  };

  const remove = async (tag: string) => {
    if (!(await write({ kind: 'tags.remove', contactId, tags: [tag] }))) return;
    announce(`Tag ‘${tag}’ removed — sending to GHL`);
    // The chip and its button are gone: keep the person's place in the tags.
    field.current?.focus();
  };

  return (
    <div class="contact__tags">
      <h3 class="panel__subtitle" id={`${id}-title`}>
        Tags
      </h3>
      {tags.length === 0 ? (
        <p class="panel__meta">No tags.</p>
      ) : (
        <ul class="contact__chips" aria-labelledby={`${id}-title`}>
          {tags.map((tag) => (
            <li class="contact__chip" key={tag}>
              <span>{tag}</span>
              {editable && (
                <button
                  type="button"
                  class="contact__chip-remove"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => void remove(tag)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form class="contact__tag-form" noValidate onSubmit={add}>
          <label class="contact__hidden-label" for={`${id}-new`}>
            New tag
          </label>
          <input
            ref={field}
            id={`${id}-new`}
            class="panel__input"
            placeholder="New tag"
            value={draft}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(event) => {
              setDraft(event.currentTarget.value);
              setError(undefined);
            }}
          />
          <button type="submit" class="panel__button">
            Add tag
          </button>
          {error && (
            <span id={`${id}-error`} class="panel__field-error contact__tag-error">
              {error}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
