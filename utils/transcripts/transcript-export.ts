import { ghlContactUrl, isGhlAppUrl } from '../ghl/api-constants';
import { mappedFields } from '../mapping/mapped-fields';
import type { ExportFormat } from '../messaging/protocol';
import type { ExportedFile } from '../messaging/trint-answers';
import type { TranscriptView } from '../messaging/transcript-view-schema';
import { transcriptUrl } from '../trint/transcript-url';
import { exportMarkdown } from './transcript-export-markdown';

// A linked transcript's record as a file that travels with the transcript. Built here, in the
// background, from the cache: the panel asks with 'transcript/export' and downloads or copies the
// answer, so the content script carries none of this (nor the Markdown escaping).

/** A transcript's record as it travels with the transcript (see exportMarkdown, exportJson). */
export interface TranscriptExport {
  transcript: { id: string; title: string; url: string };
  contact: { id: string; name: string; ghlUrl?: string };
  /** Every mapped field, in the mapping's order (not only those on the card). */
  fields: { label: string; text: string }[];
  /** The notes attached to the transcript; `date` as GHL gave it (ISO 8601). */
  notes: { title?: string; body: string; date?: string; pinned: boolean }[];
  /** The timeline, newest first; `url` only when it is GHL's own app. */
  activity: { text: string; date: string; url?: string }[];
}

/** A cached note's text field (GHL records are read loosely): a non-empty string, or nothing. */
const filled = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * The record to export from a linked transcript's view (`name` as the card shows it), its link on
 * `trintOrigin` (the page's; app.trint.com when left out).
 */
export function transcriptExport(
  view: TranscriptView & { link: NonNullable<TranscriptView['link']> },
  name: string,
  title: string,
  trintOrigin?: string,
): TranscriptExport {
  const { contactId, locationId } = view.link;
  return {
    transcript: {
      id: view.transcriptId,
      title,
      url: transcriptUrl(view.transcriptId, trintOrigin),
    },
    contact: { id: contactId, name, ghlUrl: ghlContactUrl(locationId, contactId) },
    fields: mappedFields(view).map(({ label, text }) => ({ label, text })),
    notes: view.notes.map(({ title, body, dateAdded, pinned }) => ({
      ...(filled(title) && { title }),
      body: typeof body === 'string' ? body : '',
      ...(filled(dateAdded) && { date: dateAdded }),
      pinned: pinned === true,
    })),
    activity: view.activity.map(({ text, at, url }) => ({
      text,
      date: new Date(at).toISOString(),
      ...(isGhlAppUrl(url) && { url }),
    })),
  };
}

/** The JSON export: versioned, so a later reader knows what it holds. */
export function exportJson(record: TranscriptExport, now: Date): string {
  const versioned = { format: 'ghl-for-trint/transcript', version: 1 };
  return `${JSON.stringify({ ...versioned, exportedAt: now.toISOString(), ...record }, null, 2)}\n`;
}

/** A file name from the title: letters, digits and dashes only, never empty. */
export function exportFileName(title: string, extension: 'md' | 'json'): string {
  const base = title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'transcript'}.${extension}`;
}

/** What the panel says about the file it asks for (see 'transcript/export'). */
export interface ExportRequest {
  format: ExportFormat;
  /** The contact's name as the card shows it (an edit on its way included). */
  contactName: string;
  title: string;
}

/**
 * The export file of a linked transcript's view: its name from the title and its text, Markdown
 * or versioned JSON, linked on `trintOrigin` (the asking tab's; app.trint.com when left out).
 */
export function exportFile(
  view: TranscriptView & { link: NonNullable<TranscriptView['link']> },
  request: ExportRequest,
  now: Date,
  trintOrigin?: string,
): ExportedFile {
  const record = transcriptExport(view, request.contactName, request.title, trintOrigin);
  return request.format === 'markdown'
    ? { name: exportFileName(request.title, 'md'), text: exportMarkdown(record) }
    : { name: exportFileName(request.title, 'json'), text: exportJson(record, now) };
}
