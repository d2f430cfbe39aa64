/** The longest excerpt of a note the dashboard carries, in characters. */
export const NOTE_EXCERPT_LENGTH = 140;

/**
 * The start of a note as one line: whitespace collapsed, cut at a word boundary with "…" when
 * longer than `max`. A dashboard row has room for a glimpse; the panel shows the whole note.
 */
export function noteExcerpt(body: string, max = NOTE_EXCERPT_LENGTH): string {
  const line = body.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  // One more than fits with the ellipsis: a space there means the word before it ends in time.
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // A single very long word is cut where it must be rather than dropped.
  const start = space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1);
  return `${start.trimEnd()}…`;
}
