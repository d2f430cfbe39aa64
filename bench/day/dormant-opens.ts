// "A dormant transcript fresh within 35 s of being opened" (issue 17): a few times in the day a
// person opens a transcript nobody viewed for over 30 days, just after someone changed its
// contact in GHL. This follows each such edit from the opening to when the panel was told.

/** How long before the opening the contact is edited in GHL. */
export const EDIT_BEFORE_OPEN_MS = 10_000;

/** One opening, as measured. */
export interface DormantOpen {
  transcriptId: string;
  contactId: string;
  /** When it was opened, from the day's start. */
  atMs: number;
  editedAt: number;
  openedAt: number;
  /** When the panel was told of the change (undefined: never, within the run). */
  visibleAt?: number;
}

/** Tracks the openings; `seeContact` is called when a contact's transcripts were told of a change. */
export function createOpenTracker() {
  const opens: DormantOpen[] = [];
  return {
    /** The contact was edited at `editedAt` and its transcript opened at `openedAt`. */
    opened(open: Omit<DormantOpen, 'visibleAt'>) {
      opens.push({ ...open });
    },
    /** The panel of `contactId` was told of a change at `now`, its contact last read at `readAt`. */
    seeContact(contactId: string, now: number, readAt: number | undefined) {
      for (const open of opens) {
        if (open.contactId !== contactId || open.visibleAt !== undefined) continue;
        // Only a read answered after the edit can have brought it.
        if (readAt !== undefined && readAt > open.editedAt) open.visibleAt = now;
      }
    },
    pendingCount: () => opens.filter((o) => o.visibleAt === undefined).length,
    /** Each opening with opened → visible (Infinity: never seen). */
    results: () =>
      opens.map((o) => ({
        ...o,
        openToVisibleMs: o.visibleAt === undefined ? Infinity : o.visibleAt - o.openedAt,
      })),
  };
}
