import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldMapping } from '@/utils/messaging/field-mapping-schema';
import type { CustomFieldChoice } from '@/utils/messaging/protocol';
import { errorWords, sendMessage } from '@/utils/messaging/send-message';
import { fieldMappingItem } from '@/utils/storage/field-mapping-item';
import { sameMapping } from './draft-rules';

/**
 * The live mapping and the person's draft of the next one. The draft changes only by the
 * person's hand (edits, an import, a reset); the live mapping by Apply, which sends the draft as
 * it is and takes the background's answer as both, or when the background stores another (the
 * popup's card toggles): an untouched draft follows it, an edited one is kept.
 */
export function useMappingDraft() {
  const [live, setLive] = useState<FieldMapping>();
  const [draft, setDraft] = useState<FieldMapping>();
  const [loadError, setLoadError] = useState<string>();

  async function load() {
    setLoadError(undefined);
    try {
      const { mapping } = await sendMessage('mapping/get', {});
      setLive(mapping);
      setDraft(mapping);
    } catch (failure) {
      setLoadError(errorWords(failure, 'The field mapping could not be read. Try again.'));
    }
  }
  useEffect(() => void load(), []);

  const current = useRef({ live, draft });
  current.current = { live, draft };
  // The stored mapping as the background reads it (removed or unreadable: the default).
  useEffect(
    () =>
      fieldMappingItem.watch((next) => {
        const { live: was, draft: mine } = current.current;
        if (!was) return;
        setLive(next);
        if (sameMapping(mine, was)) setDraft(next);
      }),
    [],
  );

  /** Makes the draft live; resolves to how many transcript records were recomputed. */
  async function apply(): Promise<number> {
    if (!draft) return 0;
    const answer = await sendMessage('mapping/save', { mapping: draft });
    setLive(answer.mapping);
    setDraft(answer.mapping);
    return answer.updated;
  }

  return {
    live,
    draft,
    loadError,
    load,
    /** Whether the draft differs from the live mapping. */
    changed: !sameMapping(live, draft),
    edit: setDraft,
    apply,
  };
}

/**
 * The GHL custom fields a rule can read, as the background knows them (ids from the cached
 * contacts, names where the connection may read the location's definitions). A failure is not
 * fatal: the person can still type an id.
 */
export function useCustomFields(): { fields: CustomFieldChoice[]; error?: string } {
  const [fields, setFields] = useState<CustomFieldChoice[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    sendMessage('mapping/custom-fields', {}).then(
      (answer) => live && setFields(answer.fields),
      (failure: unknown) =>
        live && setError(errorWords(failure, 'The GHL custom fields could not be listed.')),
    );
    return () => {
      live = false;
    };
  }, []);
  return { fields, error };
}
