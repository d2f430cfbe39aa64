import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads OpenAPI files and replaces every `$ref` with the node it points to: local ones
 * (`#/components/schemas/X`) and ones into another file
 * (`../common/common-schemas.json#/components/schemas/X`, relative to the referring file).
 * Each target is resolved once and shared, so two refs to one schema give the same object and a
 * schema that refers to itself becomes a cycle instead of an endless recursion.
 */
export function createRefResolver() {
  const documents = new Map<string, unknown>();
  const resolved = new Map<string, JsonObject>();

  function load(file: string): unknown {
    if (!documents.has(file)) documents.set(file, JSON.parse(readFileSync(file, 'utf8')));
    return documents.get(file);
  }

  /** The node a JSON pointer (`/components/schemas/X`) names in a document. */
  function follow(document: unknown, pointer: string, file: string): unknown {
    let node = document;
    for (const raw of pointer.split('/').filter(Boolean)) {
      const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObject(node) || !(part in node)) {
        throw new Error(`Cannot resolve $ref ${file}#${pointer}`);
      }
      node = node[part];
    }
    return node;
  }

  function resolveRef(ref: string, file: string): JsonObject {
    const [target = '', pointer = ''] = ref.split('#');
    const targetFile = target === '' ? file : resolve(dirname(file), target);
    const key = `${targetFile}#${pointer}`;
    const known = resolved.get(key);
    if (known) return known;
    const node = follow(load(targetFile), pointer, targetFile);
    if (!isObject(node)) throw new Error(`$ref ${key} does not name an object`);
    // Registered before it is filled in, so a ref back to it finds it.
    const shared: JsonObject = {};
    resolved.set(key, shared);
    return Object.assign(shared, resolveNode(node, targetFile));
  }

  function resolveNode(node: unknown, file: string): unknown {
    if (Array.isArray(node)) return node.map((item) => resolveNode(item, file));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') return resolveRef(node.$ref, file);
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, resolveNode(value, file)]),
    );
  }

  return {
    /** The whole file at this absolute path, every `$ref` in it resolved. */
    document(file: string): JsonObject {
      const node = resolveNode(load(file), file);
      if (!isObject(node)) throw new Error(`${file} is not a JSON object`);
      return node;
    },
    /**
     * The object a pointer names in a file, resolved: the same object every `$ref` to it gives,
     * so `at(common, '/components/schemas/UnauthorizedDTO')` is what operations refer to.
     */
    at(file: string, pointer: string): JsonObject {
      return resolveRef(`#${pointer}`, file);
    },
  };
}
