import { useEffect, useRef, useState } from 'preact/hooks';
import { MessageError, sendMessage } from '@/utils/messaging/send-message';
import type { ContactSummary } from '@/utils/messaging/protocol';

/** How long typing must pause before GHL is asked: the cache answers every keystroke. */
export const GHL_SEARCH_DELAY_MS = 400;
/** GHL is asked only from this many characters on (fewer match half the account). */
const GHL_MIN_LENGTH = 2;

/** The search as the panel shows it. */
export interface ContactSearchState {
  results: ContactSummary[];
  /** True while GHL has been asked and has not answered. */
  searchingGhl: boolean;
  /** Why GHL could not be searched (the cache's results still show). */
  error?: string;
}

/** Cache results first, then GHL's that the cache did not have. */
export function mergeResults(cached: ContactSummary[], ghl: ContactSummary[]): ContactSummary[] {
  const seen = new Set(cached.map((contact) => contact.id));
  return [...cached, ...ghl.filter((contact) => !seen.has(contact.id))];
}

const EMPTY: ContactSearchState = { results: [], searchingGhl: false };

/**
 * Searches contacts as the person types: the local cache at once, then GHL once typing pauses
 * (and only while online). An answer to an older query never replaces a newer one.
 */
export function useContactSearch(query: string, online: boolean): ContactSearchState {
  const [state, setState] = useState<ContactSearchState>(EMPTY);
  const generation = useRef(0);
  const trimmed = query.trim();

  useEffect(() => {
    const current = ++generation.current;
    const live = () => current === generation.current;
    if (trimmed === '') {
      setState(EMPTY);
      return;
    }
    let cached: ContactSummary[] = [];
    const askGhl = online && trimmed.length >= GHL_MIN_LENGTH;
    setState((previous) => ({ ...previous, searchingGhl: askGhl, error: undefined }));
    void sendMessage('contacts/search', { query: trimmed, source: 'cache' }).then(
      ({ contacts }) => {
        cached = contacts;
        if (live()) setState((previous) => ({ ...previous, results: contacts }));
      },
      () => {},
    );
    if (!askGhl) return;
    const timer = setTimeout(() => {
      sendMessage('contacts/search', { query: trimmed, source: 'ghl' }).then(
        ({ contacts }) => {
          if (live()) setState({ results: mergeResults(cached, contacts), searchingGhl: false });
        },
        (error: unknown) => {
          if (!live()) return;
          setState((previous) => ({
            ...previous,
            searchingGhl: false,
            error:
              error instanceof MessageError
                ? `GHL could not be searched: ${error.message}`
                : 'GHL could not be searched.',
          }));
        },
      );
    }, GHL_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [trimmed, online]);

  return state;
}
