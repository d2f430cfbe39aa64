import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../utils/db/cache-schema';
import { auditFileName, auditToCsv, auditToJson } from '../audit-export';

const AT = Date.parse('2026-11-26T12:00:00.000Z');
const HEADER = 'at,operation,method,recordId,contactId,startedBy,result,durationMs';

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 7,
    at: AT,
    operation: 'get-task',
    method: 'GET',
    recordId: 'task1',
    contactId: 'contact1',
    startedBy: 'person',
    result: '200',
    durationMs: 42,
    ...overrides,
  };
}

describe('auditToCsv', () => {
  it('writes a header row, then one CRLF-ended row per entry, with ISO times', () => {
    expect(auditToCsv([entry()])).toBe(
      `${HEADER}\r\n2026-11-26T12:00:00.000Z,get-task,GET,task1,contact1,person,200,42\r\n`,
    );
  });

  it('writes only the header for no entries', () => {
    expect(auditToCsv([])).toBe(`${HEADER}\r\n`);
  });

  it.each<[string, Partial<AuditEntry>, string]>([
    ['an absent record as an empty cell', { recordId: undefined, contactId: undefined }, ',,'],
    ['a comma inside quotes', { operation: 'a,b' }, ',"a,b",'],
    ['a quote doubled inside quotes', { operation: 'say "hi"' }, ',"say ""hi""",'],
    ['a line break inside quotes', { operation: 'a\nb' }, ',"a\nb",'],
    ['a formula (=) defused', { result: '=HYPERLINK("x")' }, `,"'=HYPERLINK(""x"")",`],
    ['a formula (+) defused', { operation: '+1' }, ",'+1,"],
    ['a formula (-) defused', { operation: '-1+2' }, ",'-1+2,"],
    ['a formula (@) defused', { operation: '@SUM(A1)' }, ",'@SUM(A1),"],
    ['a leading tab defused', { operation: '\tx' }, ",'\tx,"],
    ['a minus inside a cell left alone', { operation: 'get-contact' }, ',get-contact,'],
  ])('writes %s', (_, overrides, expected) => {
    const row = auditToCsv([entry(overrides)]).split('\r\n')[1]!;
    expect(row).toContain(expected);
  });
});

describe('auditToJson', () => {
  it('writes an array of entries with ISO times and without database keys', () => {
    const json = auditToJson([entry(), entry({ recordId: undefined, startedBy: 'sync' })]);
    expect(JSON.parse(json)).toEqual([
      {
        at: '2026-11-26T12:00:00.000Z',
        operation: 'get-task',
        method: 'GET',
        recordId: 'task1',
        contactId: 'contact1',
        startedBy: 'person',
        result: '200',
        durationMs: 42,
      },
      expect.not.objectContaining({ recordId: expect.anything() }),
    ]);
    expect(json).not.toContain('"id"');
  });

  it('writes an empty array for no entries', () => {
    expect(JSON.parse(auditToJson([]))).toEqual([]);
  });
});

describe('auditFileName', () => {
  it.each([
    ['csv', 'ghl-audit-log-2026-11-26.csv'],
    ['json', 'ghl-audit-log-2026-11-26.json'],
  ] as const)('names a %s export by the UTC date', (format, name) => {
    expect(auditFileName(format, AT)).toBe(name);
  });
});
