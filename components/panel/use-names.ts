import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { Names } from '@/utils/messaging/trint-answers';

/**
 * What the connected location's ids are called (users, custom fields), for the parts of the
 * panel that show an owner, an assignee or a custom field. Undefined until known, and when the
 * background cannot tell: every reader then shows the id, as without the optional scopes.
 */
export const NamesContext = createContext<Names | undefined>(undefined);

/** The names the panel shell provides (see {@link NamesContext}). */
export function useNames(): Names | undefined {
  return useContext(NamesContext);
}

/**
 * Asks the background once for the location's names ('names/get', answered from the cache).
 * A refusal leaves them unknown: names are a nicety, never a failure to show.
 */
export function useNamesQuery(): Names | undefined {
  const [names, setNames] = useState<Names>();
  useEffect(() => {
    let live = true;
    sendTrintMessage('names/get', {}).then(
      (answer) => live && setNames(answer),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return names;
}

/** A user's name where known, else the id itself. */
export function userNameOf(names: Names | undefined, id: string): string {
  return names?.users.find((user) => user.id === id)?.name ?? id;
}
