import { TRINT_FIELDS } from '../messaging/trint-fields';
import type { TranscriptExport } from './transcript-export';

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
