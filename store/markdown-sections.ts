/**
 * Reads the parts of the store texts and PRIVACY.md that must agree: a section by its heading,
 * its paragraphs and its list items, with line breaks taken as spaces (Markdown wraps lines
 * freely; the words are what must match).
 */

/** The text under the heading titled exactly `title` (any level), up to the next heading of the same or a higher level. */
export function section(markdown: string, title: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex(
    (line) => /^#{1,6} /.test(line) && line.replace(/^#+ /, '') === title,
  );
  if (start < 0) throw new Error(`No section "${title}"`);
  const level = lines[start]!.indexOf(' ');
  const end = lines.findIndex(
    (line, i) => i > start && /^#{1,6} /.test(line) && line.indexOf(' ') <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The prose paragraphs of a text: no lists, tables, headings or code. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block && !/^([-*|#`]|\d+\.)/.test(block))
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .join(' '),
    );
}

/** The items of the bulleted lists of a text, each on one line. */
export function listItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    if (/^- /.test(line)) items.push(line.slice(2).trim());
    else if (/^ {2}\S/.test(line) && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}

/** The first two cells of each body row of the tables in a text (not the header): `{ first: second }`. */
export function tableRows(text: string): Record<string, string> {
  const rows: Record<string, string> = {};
  let rowOfTable = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      rowOfTable = 0;
      continue;
    }
    rowOfTable += 1;
    // Row 1 is the header, row 2 the line under it.
    if (rowOfTable <= 2) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    rows[cells[0]!] = cells[1]!;
  }
  return rows;
}
