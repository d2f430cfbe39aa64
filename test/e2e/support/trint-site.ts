import { readFileSync } from 'node:fs';

/** A response the test browser gets instead of reaching the network. */
export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string;
}

const FIXTURES = new URL('../fixtures/trint/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Static files of the Trint look-alike, by path. */
const STATIC: Record<string, [contentType: string, file: string]> = {
  '/static/trint.css': ['text/css', 'trint.css'],
  '/static/hostile.css': ['text/css', 'hostile.css'],
  '/static/trint-app.js': ['text/javascript', 'trint-app.js'],
};

export const TRINT_HOST = 'app.trint.com';
/** Trint EU's host, served the same look-alike: the extension must work there too. */
export const TRINT_EU_HOST = 'app.eu.trint.com';

/**
 * Answers a request to https://app.trint.com (or https://app.eu.trint.com) like Trint's single-page app: static assets by path,
 * and the one HTML shell for every other path (the app routes on the client).
 */
export function trintResponse(url: URL): FixtureResponse {
  const asset = STATIC[url.pathname];
  if (asset) return { status: 200, contentType: asset[0], body: read(asset[1]) };
  if (url.pathname === '/favicon.ico') return { status: 404, contentType: 'text/plain', body: '' };
  // A look-alike unlike ours (another DOM, a max-z-index sidebar, hostile CSS): the attacker tests.
  const shell = url.searchParams.get('shell') === 'other' ? 'other-shell.html' : 'index.html';
  return { status: 200, contentType: 'text/html; charset=utf-8', body: read(shell) };
}

/** Whether a request URL belongs to the Trint look-alike. */
export function isTrintUrl(url: URL): boolean {
  return url.protocol === 'https:' && [TRINT_HOST, TRINT_EU_HOST].includes(url.hostname);
}

/** Whether a request would go over the network (as opposed to extension files or data: URLs). */
export function isNetworkUrl(url: URL): boolean {
  return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol);
}
