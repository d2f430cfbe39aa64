import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** One message in the panel's live region. */
export interface Announcement {
  text: string;
  tone: 'status' | 'alert';
  /** Changes with every announcement, so the same words said twice are read twice. */
  key: number;
}

const SHOWN_MS = 8000;

/**
 * The panel's live region: what the last action did, or why it failed, read out by screen
 * readers (politely for news, at once for errors) and shown under the header for a few seconds.
 * Errors stay until the next announcement, so nobody misses one.
 */
export function useAnnouncer(
  /** News is about one transcript: a new value (another transcript) clears it. */
  about?: string,
): [Announcement | undefined, (text: string, tone?: 'status' | 'alert') => void] {
  const [announcement, setAnnouncement] = useState<Announcement>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const count = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    clearTimeout(timer.current);
    setAnnouncement(undefined);
  }, [about]);
  const announce = useCallback((text: string, tone: 'status' | 'alert' = 'status') => {
    clearTimeout(timer.current);
    count.current += 1;
    setAnnouncement({ text, tone, key: count.current });
    if (tone === 'status') timer.current = setTimeout(() => setAnnouncement(undefined), SHOWN_MS);
  }, []);
  return [announcement, announce];
}
