import { useEffect, useRef, useState } from 'preact/hooks';
import { MessageError, sendTrintMessage } from '@/utils/messaging/send-trint-message';
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
  /** Asks again (after an error). */
  retry(): void;
}

/** Cache results first, then GHL's that the cache did not have. */
export function mergeResults(cached: ContactSummary[], ghl: ContactSummary[]): ContactSummary[] {
  const seen = new Set(cached.map((contact) => contact.id));
  return [...cached, ...ghl.filter((contact) => !seen.has(contact.id))];
}

interface Answers {
  cached: ContactSummary[];
  /** GHL's answer, once it came. */
  ghl?: ContactSummary[];
  searchingGhl: boolean;
  error?: string;
}
const EMPTY: Answers = { cached: [], searchingGhl: false };

/**
 * Searches contacts as the person types: the local cache at once, then GHL once typing pauses
 * (and only while online). The two answers are kept apart and merged when shown, so they may
 * come back in any order; an answer to an older query never replaces a newer one.
 */
export function useContactSearch(query: string, online: boolean): ContactSearchState {
  const [answers, setAnswers] = useState<Answers>(EMPTY);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const trimmed = query.trim();

  useEffect(() => {
    const current = ++generation.current;
    const live = () => current === generation.current;
    if (trimmed === '') {
      setAnswers(EMPTY);
      return;
    }
    const askGhl = online && trimmed.length >= GHL_MIN_LENGTH;
    setAnswers((previous) => ({
      ...previous,
      ghl: undefined,
      searchingGhl: askGhl,
      error: undefined,
    }));
    void sendTrintMessage('contacts/search', { query: trimmed, source: 'cache' }).then(
      ({ contacts }) => live() && setAnswers((previous) => ({ ...previous, cached: contacts })),
      () => {},
    );
    if (!askGhl) return;
    const timer = setTimeout(() => {
      sendTrintMessage('contacts/search', { query: trimmed, source: 'ghl' }).then(
        ({ contacts }) =>
          live() && setAnswers((previous) => ({ ...previous, ghl: contacts, searchingGhl: false })),
        (error: unknown) =>
          live() &&
          setAnswers((previous) => ({
            ...previous,
            searchingGhl: false,
            error:
              error instanceof MessageError
                ? `GHL could not be searched: ${error.message}`
                : 'GHL could not be searched.',
          })),
      );
    }, GHL_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [trimmed, online, attempt]);

  const { cached, ghl, searchingGhl, error } = answers;
  return {
    results: mergeResults(cached, ghl ?? []),
    searchingGhl,
    ...(error && { error }),
    retry: () => setAttempt((count) => count + 1),
  };
}
