/** The most elements a report lists, and its longest text: a report is attached to a bug by hand. */
export const PAGE_REPORT_MAX_ELEMENTS = 400;
export const PAGE_REPORT_MAX_LENGTH = 16_000;
/** How deep below `body` a report goes: Trint's title and speakers sit well above this. */
const MAX_DEPTH = 14;

/**
 * The shape of a Trint page for a bug report about what the extension could not read: one line
 * per element, indented by depth, with its tag name, its classes and the NAMES of its data-
 * attributes. No text, no attribute value (ids, hrefs, titles, data values) is kept, so the report
 * holds nothing of the transcript or the person. Our own elements (`ghl-*`) are left out.
 */
export function describePageStructure(doc: Document): string {
  const lines: string[] = [];
  let length = 0;
  const visit = (element: Element, depth: number) => {
    if (length > PAGE_REPORT_MAX_LENGTH || lines.length === PAGE_REPORT_MAX_ELEMENTS) return;
    if (depth > MAX_DEPTH) return;
    if (element.localName.startsWith('ghl-')) return;
    const data = element
      .getAttributeNames()
      .filter((name) => name.startsWith('data-'))
      .map((name) => `[${name}]`);
    const classes = [...element.classList].map((name) => `.${name}`);
    const line = ' '.repeat(depth) + [element.localName, ...classes, ...data].join('');
    length += line.length + 1;
    lines.push(line);
    for (const child of element.children) visit(child, depth + 1);
  };
  if (doc.body) visit(doc.body, 0);
  return lines.join('\n').slice(0, PAGE_REPORT_MAX_LENGTH);
}
