import { describe, expect, it } from 'vitest';
import { exportFileName, exportJson, transcriptExport } from '../transcript-export';
import { exportMarkdown } from '../transcript-export-markdown';
import { IMG, JS_LINK, RECORD, VIEW } from './export-fixture';

const GHL = 'https://app.gohighlevel.com/v2/location/loc1/contacts/detail/c1';

describe('transcriptExport', () => {
  it('carries every mapped field in order, the attached notes and the timeline', () => {
    expect(RECORD.transcript).toEqual({
      id: 'tr1',
      title: 'Call with Jane',
      url: 'https://app.trint.com/editor/tr1',
    });
    expect(RECORD.contact).toEqual({ id: 'c1', name: 'Jane Doe', ghlUrl: GHL });
    expect(RECORD.fields.map((field) => field.label)).toEqual([
      'Speaker name',
      'Organisation',
      'Email',
      'Summary header',
      'Owner',
    ]);
    expect(RECORD.notes[1]).toEqual({ body: `Hello ${IMG} & goodbye`, pinned: false });
    // Only GHL's own addresses are kept, as the panel's timeline does.
    expect(RECORD.activity[1]).toEqual({ text: 'Email changed', date: '2025-01-14T08:00:00.000Z' });
  });

  it('links the transcript on the Trint host the panel is on', () => {
    const eu = transcriptExport(VIEW, 'Jane Doe', 'Call with Jane', 'https://app.eu.trint.com');
    expect(eu.transcript.url).toBe('https://app.eu.trint.com/editor/tr1');
  });

  it('reads the bare fields of a record from before the mapping', () => {
    const old = transcriptExport(
      { ...VIEW, mapped: undefined, fields: { Name: 'Jane' } },
      'J',
      'T',
    );
    expect(old.fields).toEqual([{ label: 'Name', text: 'Jane' }]);
  });
});

describe('exportMarkdown', () => {
  it('writes the record with every untrusted text escaped, the summary as subtitle', () => {
    expect(exportMarkdown(RECORD)).toBe(
      [
        '# Call with Jane',
        '',
        '_Jane Doe — \\*Acme\\*_',
        '',
        '- Transcript: <https://app.trint.com/editor/tr1>',
        '- Contact: Jane Doe',
        '- Contact id: c1',
        `- Open in GHL: <${GHL}>`,
        '',
        '## Fields',
        '',
        '- **Speaker name:** Jane Doe',
        '- **Organisation:** Acme \\<img src=x onerror=alert(1)\\>',
        '- **Email:** jane\\_doe@example.com',
        '- **Summary header:** Jane Doe — \\*Acme\\*',
        '- **Owner:** \\[x\\](javascript:alert(1))',
        '',
        '## Notes',
        '',
        '### Budget',
        '',
        '2025-01-15 12:00 UTC · pinned',
        '',
        '\\# Not a heading  ',
        '\\[x\\](javascript:alert(1))  ',
        '1\\. not a list  ',
        'not code',
        '',
        '### Note',
        '',
        'Hello \\<img src=x onerror=alert(1)\\> \\& goodbye',
        '',
        '## Activity',
        '',
        `- 2025-01-16 09:30 UTC — [Note added: Budget](<${GHL}>)`,
        '- 2025-01-14 08:00 UTC — Email changed',
        '',
      ].join('\n'),
    );
  });

  it('leaves no raw markup from hostile text anywhere', () => {
    const hostile = `${IMG}\n${JS_LINK}`;
    const markdown = exportMarkdown({
      transcript: { id: 'a b<c>', title: hostile, url: 'https://app.trint.com/editor/a b<c>' },
      contact: { id: hostile, name: hostile },
      fields: [{ label: hostile, text: hostile }],
      notes: [{ title: hostile, body: hostile, pinned: false }],
      activity: [{ text: hostile, date: 'not a date', url: `${GHL}><img>` }],
    });
    // Every `<` is escaped or opens one of our own https addresses.
    expect(markdown).not.toMatch(/(^|[^\\])<(?!https:\/\/)/m);
    expect(markdown).not.toMatch(/(^|[^\\])\[x/m);
    expect(markdown).toContain('<https://app.trint.com/editor/a%20b%3Cc%3E>');
    expect(markdown).toContain(`](<${GHL}%3E%3Cimg%3E>)`);
    expect(markdown).toContain('# \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1))\n');
  });

  it('says when there are no fields, notes or activity, and leaves out a missing subtitle', () => {
    const empty = { ...RECORD, fields: [], notes: [], activity: [] };
    const markdown = exportMarkdown(empty);
    expect(markdown).toContain('## Fields\n\nNo mapped fields.\n');
    expect(markdown).toContain('## Notes\n\nNo notes attached.\n');
    expect(markdown).toContain('## Activity\n\nNothing has changed yet.\n');
    expect(markdown.startsWith('# Call with Jane\n\n- Transcript:')).toBe(true);
  });
});

describe('exportJson', () => {
  it('is versioned and holds the record as it is (JSON needs no escaping of text)', () => {
    const json = exportJson(RECORD, new Date(Date.UTC(2025, 1, 1)));
    const expected = {
      format: 'ghl-for-trint/transcript',
      version: 1,
      exportedAt: '2025-02-01T00:00:00.000Z',
      transcript: { id: 'tr1', title: 'Call with Jane', url: 'https://app.trint.com/editor/tr1' },
      contact: { id: 'c1', name: 'Jane Doe', ghlUrl: GHL },
      fields: [
        { label: 'Speaker name', text: 'Jane Doe' },
        { label: 'Organisation', text: `Acme ${IMG}` },
        { label: 'Email', text: 'jane_doe@example.com' },
        { label: 'Summary header', text: 'Jane Doe — *Acme*' },
        { label: 'Owner', text: JS_LINK },
      ],
      notes: [
        {
          title: 'Budget',
          body: `# Not a heading\n${JS_LINK}\n1. not a list\n    not code`,
          date: '2025-01-15T12:00:00.000Z',
          pinned: true,
        },
        { body: `Hello ${IMG} & goodbye`, pinned: false },
      ],
      activity: [
        { text: 'Note added: Budget', date: '2025-01-16T09:30:00.000Z', url: GHL },
        { text: 'Email changed', date: '2025-01-14T08:00:00.000Z' },
      ],
    };
    expect(json).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });
});

describe('exportFileName', () => {
  it.each([
    ['Call with Jane', 'md', 'Call-with-Jane.md'],
    ['../../etc/passwd', 'json', 'etc-passwd.json'],
    [`Q3: ${IMG}`, 'md', 'Q3-img-src-x-onerror-alert-1.md'],
    ['Café – Zürich', 'json', 'Café-Zürich.json'],
    ['***', 'md', 'transcript.md'],
    ['x'.repeat(200), 'md', `${'x'.repeat(80)}.md`],
  ] as const)('%s → %s', (title, extension, expected) => {
    expect(exportFileName(title, extension)).toBe(expected);
  });
});
