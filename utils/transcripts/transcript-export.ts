import { TRINT_FIELDS } from '@/utils/messaging/trint-fields';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import { transcriptUrl } from '@/utils/trint/transcript-url';
import { isGhlAddress } from '../activity-section';
import { ghlContactUrl } from '../contact/contact-card';
import { mappedFields } from '../contact/contact-fields';
import { asNote } from '../panel-records';

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
    notes: view.notes.map(asNote).map(({ title, body, dateAdded, pinned }) => ({
      ...(title && { title }),
      body,
      ...(dateAdded && { date: dateAdded }),
      pinned: pinned === true,
    })),
    activity: view.activity.map(({ text, at, url }) => ({
      text,
      date: new Date(at).toISOString(),
      ...(isGhlAddress(url) && { url }),
    })),
  };
}

/** The JSON export: versioned, so a later reader knows what it holds. */
export function exportJson(record: TranscriptExport, now: Date): string {
  const versioned = { format: 'ghl-for-trint/transcript', version: 1 };
  return `${JSON.stringify({ ...versioned, exportedAt: now.toISOString(), ...record }, null, 2)}\n`;
}

/**
 * The Markdown export: title, the Summary header (when mapped) as subtitle, links, the mapped
 * fields, the notes and the timeline. Every text from GHL or the page is escaped, so a note can
 * add neither a link, an image nor HTML to whatever renders the file.
 */
export function exportMarkdown(record: TranscriptExport): string {
  const { transcript, contact, fields, notes, activity } = record;
  const summary = fields.find((field) => field.label === TRINT_FIELDS.summaryHeader)?.text;
  const parts = [`# ${oneLine(transcript.title)}`];
  if (summary) parts.push(`_${oneLine(summary)}_`);
  parts.push(
    [
      `- Transcript: ${autolink(transcript.url)}`,
      `- Contact: ${text(contact.name)}`,
      `- Contact id: ${text(contact.id)}`,
      ...(contact.ghlUrl ? [`- Open in GHL: ${autolink(contact.ghlUrl)}`] : []),
    ].join('\n'),
    '## Fields',
    fields.length === 0
      ? 'No mapped fields.'
      : fields
          .map(({ label, text: value }) => `- **${oneLine(label)}:** ${text(value)}`)
          .join('\n'),
    '## Notes',
  );
  if (notes.length === 0) parts.push('No notes attached.');
  for (const note of notes) {
    const when = [note.date && utc(note.date), note.pinned && 'pinned'].filter(Boolean);
    parts.push(`### ${oneLine(note.title || 'Note')}`);
    if (when.length > 0) parts.push(when.join(' · '));
    if (note.body.trim()) parts.push(note.body.trim().split('\n').map(line).join('  \n'));
  }
  parts.push(
    '## Activity',
    activity.length === 0
      ? 'Nothing has changed yet.'
      : activity
          .map(({ text: words, date, url }) => {
            const shown = url ? `[${oneLine(words)}](<${safeUrl(url)}>)` : oneLine(words);
            return `- ${utc(date)} — ${shown}`;
          })
          .join('\n'),
  );
  return `${parts.join('\n\n')}\n`;
}

/** A file name from the title: letters, digits and dashes only, never empty. */
export function exportFileName(title: string, extension: 'md' | 'json'): string {
  const base = title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'transcript'}.${extension}`;
}

/**
 * One line of untrusted text, escaped: the characters that open emphasis, code, links, images,
 * HTML, entities, tables and strike-through anywhere, and a block marker (heading, list, quote,
 * rule, setext underline) at its start. Leading spaces go, so no line becomes a code block.
 */
function line(raw: string): string {
  return raw
    .trimStart()
    .replace(/[\\`*_[\]<>&|~]/g, '\\$&')
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text that may hold line breaks, kept as hard breaks inside a list item. */
const text = (raw: string) => raw.split('\n').map(line).join('  \n  ');

/** Text for a heading or a one-line item: line breaks become spaces. */
const oneLine = (raw: string) => line(raw.replace(/\s+/g, ' ').trim());

/** "2025-01-15 12:00 UTC": the same for every reader; an unreadable date as it came. */
function utc(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at)
    ? oneLine(iso)
    : `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** An address that cannot end its `<…>` early or break the line. */
const safeUrl = (url: string) =>
  url.replace(
    /[\s<>\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );

const autolink = (url: string) => `<${safeUrl(url)}>`;
