// Which files of a built extension each entry loads, read from its manifest and HTML pages.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, posix } from 'node:path';

/** Where the build puts the Sandbox GHL's bundle (SANDBOX_SCRIPT.path in utils/ghl/sandbox-port.ts). */
const SANDBOX_BUNDLE = ['sandbox-ghl.js'];

/** The entries the bundle-size benchmark reports, in its order. */
export type EntryName = 'content script' | 'background' | 'Sandbox' | 'popup' | 'options';

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  content_scripts?: { js?: string[]; css?: string[] }[];
  web_accessible_resources?: { resources: string[] }[];
}

/**
 * The files (paths relative to `buildDir`) each entry loads before it can run: the manifest's
 * scripts and styles, an HTML page's scripts, module preloads and stylesheets, and every
 * module they import statically. The content script's CSS that WXT fetches at mount (a
 * web-accessible `content-scripts/<name>.css`) counts for the content script. Lazy
 * `import()` chunks are not loaded at start and are left out.
 */
export function entryFiles(buildDir: string): Record<EntryName, string[]> {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const scripts = manifest.content_scripts ?? [];
  const contentJs = scripts.flatMap((s) => s.js ?? []);
  const fetchedCss = (manifest.web_accessible_resources ?? [])
    .flatMap((w) => w.resources)
    .filter((path) => contentJs.some((js) => js.replace(/\.js$/, '.css') === path));
  const page = (html: string | undefined) => (html ? pageFiles(buildDir, html) : []);
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  return {
    'content script': withImports(buildDir, [
      ...contentJs,
      ...scripts.flatMap((s) => s.css ?? []),
      ...fetchedCss,
    ]),
    background: withImports(buildDir, background),
    // The Sandbox GHL's own bundle, which the background loads only once Sandbox mode is used
    // (utils/ghl/sandbox-script.ts); not part of the background's start.
    Sandbox: withImports(
      buildDir,
      SANDBOX_BUNDLE.filter((file) => existsSync(join(buildDir, file))),
    ),
    popup: page(manifest.action?.default_popup),
    options: page(manifest.options_ui?.page ?? manifest.options_page),
  };
}

/** An HTML page and what it loads (script src, modulepreload and stylesheet links). */
function pageFiles(buildDir: string, html: string): string[] {
  const text = readFileSync(join(buildDir, html), 'utf8');
  const refs = [...text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((ref) => !/^[a-z]+:/i.test(ref));
  return withImports(buildDir, [html, ...refs.map((ref) => resolve(posix.dirname(html), ref))]);
}

/** `files` and, transitively, the modules their JavaScript imports statically. */
function withImports(buildDir: string, files: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const path = normalize(file).replace(/^\/+/, '');
    if (seen.has(path) || !existsSync(join(buildDir, path))) return;
    seen.add(path);
    if (!path.endsWith('.js')) return;
    const code = readFileSync(join(buildDir, path), 'utf8');
    // Minified static imports: `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
    for (const m of code.matchAll(
      /\b(?:import|export)\s*(?:[\w${},*\s]+?\s*from\s*)?["']([^"']+\.js)["']/g,
    )) {
      visit(resolve(dirname(path), m[1]!));
    }
  };
  files.forEach(visit);
  return [...seen];
}

/** A path of the build from a reference in `fromDir` (root-relative references start at /). */
function resolve(fromDir: string, ref: string): string {
  return ref.startsWith('/') ? ref.slice(1) : posix.join(fromDir, ref);
}
