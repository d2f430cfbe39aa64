import path from 'node:path';

/**
 * The project's layers, lowest first: a file may import from its own layer and from layers below
 * it, never from one above (docs/ARCHITECTURE.md draws them). Each layer is a list of path
 * prefixes from the repository root; the first layer that matches a file is its layer. Files in
 * no layer (tests, bench, scripts, broker, configs) are not checked.
 */
export const LAYERS = [
  {
    name: 'contract',
    paths: ['utils/messaging/'],
    why: 'the wire contract is shared by every context: zod schemas, and the senders that use them',
    packages: ['zod', 'zod/mini', 'wxt/browser'],
  },
  {
    name: 'base',
    paths: [
      'utils/clock.ts',
      'utils/extension-origin.ts',
      'utils/permissions.ts',
      'utils/privacy-policy.ts',
      'utils/task-due.ts',
      'utils/trint/',
    ],
  },
  { name: 'ghl', paths: ['utils/ghl/'] },
  { name: 'db', paths: ['utils/db/'] },
  { name: 'auth', paths: ['utils/auth/'] },
  { name: 'audit', paths: ['utils/audit/'] },
  { name: 'names', paths: ['utils/names/'] },
  { name: 'mapping', paths: ['utils/mapping/'] },
  { name: 'storage', paths: ['utils/storage/'] },
  { name: 'alerts', paths: ['utils/alerts/'] },
  { name: 'transcripts', paths: ['utils/transcripts/'] },
  { name: 'outbox', paths: ['utils/outbox/'] },
  { name: 'sync', paths: ['utils/sync/'] },
  { name: 'contacts', paths: ['utils/contacts/'] },
  { name: 'dashboard', paths: ['utils/dashboard/'] },
  { name: 'background', paths: ['entrypoints/background/'] },
  {
    name: 'ui',
    paths: ['components/', 'entrypoints/'],
    why: 'pages and the panel act through the background, by message',
    // Besides the contract and the pure base, the UI may read only what the background publishes
    // (the declared storage items, read and watched, never written) and pure models it renders
    // or edits: the mapping model (the editor checks a draft as the person types), GHL's record
    // types and constants, and each write kind's optimistic view (the panel shows a pending write
    // as GHL will have it). None of these calls GHL or opens the cache.
    only: ['contract', 'base', 'storage', 'mapping'],
    alsoPaths: ['utils/ghl/schemas/', 'utils/ghl/api-constants', 'utils/outbox/operations/shown'],
  },
];

/** The Sandbox GHL: a package of its own that production code never imports statically. */
const SANDBOX = 'sandbox/';

/** Layer of a repository-relative path, or undefined. */
function layerOf(file) {
  const index = LAYERS.findIndex((layer) => layer.paths.some((p) => file.startsWith(p)));
  return index === -1 ? undefined : { index, ...LAYERS[index] };
}

/** The repository-relative path an import names, or undefined for a package. */
function targetOf(fromFile, specifier) {
  const bare = specifier.split('?')[0];
  if (bare.startsWith('@/')) return bare.slice(2);
  if (bare.startsWith('.'))
    return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), bare));
  return undefined;
}

/** Whether `target` (a path without extension, maybe) names a file under `prefix`. */
function under(target, prefix) {
  return prefix.endsWith('/')
    ? target.startsWith(prefix)
    : target === prefix.replace(/\.tsx?$/, '') || target === prefix;
}

/** An ESLint rule: imports go down the layers only. */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports go one way down the layers listed in eslint.layers.js' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    if (file.includes('/__tests__/')) return {};
    const from = layerOf(file);
    const inSandbox = file.startsWith(SANDBOX);
    if (!from && !inSandbox) return {};

    function check(node, dynamic) {
      if (!node.source || typeof node.source.value !== 'string') return;
      const specifier = node.source.value;
      const target = targetOf(file, specifier);
      if (target === undefined) {
        if (from?.packages && !from.packages.includes(specifier)) {
          context.report({
            node,
            message: `${from.name} imports only ${from.packages.join(', ')} (${from.why}); not '${specifier}'.`,
          });
        }
        return;
      }
      if (inSandbox) return;
      if (target.startsWith(SANDBOX)) {
        if (!dynamic) {
          context.report({
            node,
            message: `Production code never imports the Sandbox statically ('${specifier}'): it is loaded only in Sandbox mode.`,
          });
        }
        return;
      }
      const to = LAYERS.findIndex((layer) => layer.paths.some((p) => under(target, p)));
      if (to === -1) return;
      const layer = LAYERS[to];
      if (from.only) {
        const allowed = to === from.index || from.only.includes(layer.name);
        if (!allowed && !from.alsoPaths?.some((p) => target.startsWith(p))) {
          context.report({
            node,
            message: `${from.name} may import only ${[from.name, ...from.only, ...(from.alsoPaths ?? [])].join(', ')} (${from.why}); '${specifier}' is ${layer.name}.`,
          });
        }
        return;
      }
      if (to > from.index) {
        context.report({
          node,
          message: `${from.name} may not import ${layer.name} ('${specifier}'): layers import one way, down (eslint.layers.js).`,
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, false),
      ExportNamedDeclaration: (node) => check(node, false),
      ExportAllDeclaration: (node) => check(node, false),
      ImportExpression: (node) => check(node, true),
    };
  },
};
