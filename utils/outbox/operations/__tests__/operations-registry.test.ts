import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GHL_ENDPOINTS } from '../../../ghl/endpoints';
import { outboxOperationSchema } from '../../../messaging/write-schemas';
import { OPERATIONS } from '../registry';
import { SHOWN } from '../shown';

// The meta-test of the write kinds (as refined-github's for its features): every kind the wire
// contract accepts has its own file, registered, with every part the generic outbox needs.

/** The files of operations/ that are shared helpers, not kinds. */
const HELPERS = [
  'cache-records.ts',
  'contact-lookup.ts',
  'look-alike.ts',
  'operation.ts',
  'registry.ts',
  'shown-records.ts',
  'shown.ts',
  'task-timeline.ts',
  'words.ts',
];

interface ObjectDef {
  shape: Record<string, { _zod: { def: { values?: unknown[] } } }>;
}
const members = (
  outboxOperationSchema._zod.def.options as unknown as { _zod: { def: ObjectDef } }[]
).map((schema) => ({ schema, shape: schema._zod.def.shape }));
const KINDS = members.map(({ shape }) => String(shape.kind!._zod.def.values![0]));
const fileOf = (kind: string) => `${kind.replace('.', '-')}.ts`;

describe('the write kinds', () => {
  it('has thirteen kinds in the contract', () => {
    expect(KINDS).toHaveLength(13);
  });

  it('has one file per kind, and no file that is not a kind or a helper', () => {
    const dir = fileURLToPath(new URL('..', import.meta.url));
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
    expect(files.filter((name) => !HELPERS.includes(name)).sort()).toEqual(
      KINDS.map(fileOf).sort(),
    );
  });

  it('registers every kind, and nothing else, in the registry and in shown.ts', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual([...KINDS].sort());
    expect(Object.keys(SHOWN).sort()).toEqual([...KINDS].sort());
  });

  it.each(members.map((member, index) => [KINDS[index]!, member] as const))(
    '%s defines every part',
    (kind, { schema, shape }) => {
      const operation = OPERATIONS[kind as keyof typeof OPERATIONS];
      expect(operation.kind).toBe(kind);
      // Its payload schema is the contract's own, not a copy.
      expect(operation.schema).toBe(schema);
      expect(typeof operation.describe).toBe('function');
      expect(typeof operation.namesContact).toBe('boolean');
      expect(typeof operation.send).toBe('function');
      expect(typeof operation.cache).toBe('function');
      expect(typeof operation.effects).toBe('function');
      expect(typeof operation.gone).toBe('string');
      expect(operation.gone).not.toBe('');
      expect(typeof SHOWN[kind as keyof typeof SHOWN]).toBe('function');
      // A write with a body names the endpoint its body is checked against.
      if ('body' in shape) {
        expect(operation.body?.endpoint).toBeDefined();
        expect(GHL_ENDPOINTS[operation.body!.endpoint].body).toBeDefined();
      } else {
        expect(operation.body).toBeUndefined();
      }
      // A create says how its record is found again when its answer is lost (a log may post).
      if (kind.endsWith('.create') || kind === 'transcript.log') {
        expect(typeof operation.create?.lookAlikes).toBe('function');
        expect(typeof operation.create?.reconcilable).toBe('function');
        expect(typeof operation.create?.find).toBe('function');
      } else {
        expect(operation.create).toBeUndefined();
      }
      // A delete of something already gone is done; nothing else is.
      expect(operation.gone === 'done').toBe(kind.endsWith('.delete'));
    },
  );
});
