import { useEffect, useState } from 'preact/hooks';
import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { ContactSummary } from '@/utils/messaging/protocol';
import type { EditorPage } from '@/utils/trint/transcript-page';

/**
 * Contacts this transcript is likely about, from its title and speaker names, asked again when
 * the page shows them. `undefined` while asking; an empty list when nothing matched or the ask failed
 * (suggestions are a help, the search still works).
 */
export function useSuggestions(page: EditorPage): ContactSummary[] | undefined {
  const [suggestions, setSuggestions] = useState<ContactSummary[]>();
  const { transcriptId } = page;
  useEffect(() => {
    let live = true;
    setSuggestions(undefined);
    sendTrintMessage('contacts/suggest', {
      transcriptId,
      ...(page.title && { title: page.title }),
      speakers: page.speakers,
    }).then(
      ({ contacts }) => live && setSuggestions(contacts),
      () => live && setSuggestions([]),
    );
    return () => {
      live = false;
    };
    // Asked again when the title or speakers appear: Trint renders them after the URL changed.
  }, [transcriptId, page.title, page.speakers.join('\n')]);
  return suggestions;
}
