/**
 * A linked transcript whose cached view changed: what its open panel is told. Made by the sync
 * (a contact's changes) and by the outbox's effects (a write's timeline line).
 */
export interface TranscriptChange {
  transcriptId: string;
  contactId: string;
  /** What changed: "contact", "tasks", "notes", "appointments", "activity". */
  what: string[];
}
