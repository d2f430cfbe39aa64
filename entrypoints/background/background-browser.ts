import type { browser } from 'wxt/browser';

/**
 * The extension API the background is built on: WXT's `browser` in the service worker, its fake
 * browser (`wxt/testing`) in unit tests and benchmarks. Passed in, not imported, so whoever builds
 * the background chooses it.
 */
export type BackgroundBrowser = typeof browser;
