import { backgroundUnderTest, JANE } from './sync-wiring-harness';

// An extension page may work on any transcript; a Trint tab's limits are tested on their own
// (tab-access*.test.ts).
export const PAGE = 'extension-page' as const;
export const MINUTE = 60_000;
export const DUE = '2026-12-01T09:00:00.000Z';

/** A harness connected with a read-write token, t-1 linked to Jane and the tell log cleared. */
export async function janeLinked() {
  const h = backgroundUnderTest();
  await h.connect();
  await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
  h.told.length = 0;
  return h;
}
