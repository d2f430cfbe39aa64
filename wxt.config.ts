import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PANEL_COMMAND } from './utils/messaging/tab-messages';
import { TRINT_MATCHES } from './utils/trint/transcript-url';
import { PRIVACY_FILE } from './utils/privacy-policy';

/**
 * The Firefox add-on id. It must never change once published: Firefox keys the add-on's storage,
 * IndexedDB and update channel by it.
 */
export const GECKO_ID = 'ghl-for-trint@ghl-for-trint.app';

/** The kinds of data Firefox asks consent for at install (see the manifest below, PRIVACY.md). */
export const FIREFOX_DATA_COLLECTION = [
  'personallyIdentifyingInfo',
  'websiteContent',
  'authenticationInfo',
] as const;

/** WXT's own `browser` (the browser's `browser`, else Chrome's `chrome`), without the polyfill. */
const NATIVE_BROWSER = createRequire(import.meta.url).resolve('wxt/browser');

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox's review gets the sources zip: leave out what tests and the demo write locally.
  // Nor the earlier releases' builds and the store screenshots: they are outputs, not sources.
  zip: {
    excludeSources: [
      'demo-output/**',
      'test-results/**',
      'test/fixtures/releases/**',
      'store/screenshots/**',
    ],
  },
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The content script is built without webextension-polyfill (about 3 KB of its 40 KB gzipped
    // budget): it only sends runtime messages, listens to them without answering, and reads
    // storage, which Chrome's Manifest V3 `chrome` does with promises and Firefox's `browser`
    // natively. The background and the pages keep the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'content-script-native-browser',
          enforce: 'pre',
          resolveId: (id) =>
            id === '@wxt-dev/webextension-polyfill/browser' ? NATIVE_BROWSER : null,
        },
      ];
    },
    // The privacy policy travels with the extension, as text (a browser shows a .txt file of an
    // extension; a .md one it may download), so the settings page can link to the policy of the
    // version installed without the network.
    'build:publicAssets'(wxt, files) {
      files.push({
        absoluteSrc: resolve(wxt.config.root, 'PRIVACY.md'),
        relativeDest: PRIVACY_FILE,
      });
    },
    // The Sandbox GHL is its own bundle, sandbox-ghl.js, which the background loads only when
    // Sandbox mode starts (utils/ghl/sandbox-script.ts says how and why). Its entry lives in the
    // sandbox/ package, so nothing under entrypoints/ imports the Sandbox.
    'entrypoints:resolved'(wxt, entrypoints) {
      entrypoints.push({
        type: 'unlisted-script',
        name: 'sandbox-ghl',
        inputPath: resolve(wxt.config.root, 'sandbox/extension-script.ts'),
        outputDir: wxt.config.outDir,
        // An anonymous IIFE: the script leaves only the one global it means to.
        options: { globalName: false },
        skipped: false,
      });
    },
  },
  // Firefox gets Manifest V3 too, so both browsers share one manifest shape and API surface.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'GHL for Trint',
    description:
      'GoHighLevel CRM context inside Trint: see and work the contact behind a transcript without leaving it.',
    // Each permission is explained in README.md ("Permissions"). Keep the two lists in step.
    permissions: ['storage', 'alarms', 'identity', 'notifications'],
    host_permissions: ['https://services.leadconnectorhq.com/*', ...TRINT_MATCHES],
    action: { default_title: 'GHL for Trint' },
    // The keyboard path to the panel (README "Keyboard"); people change the keys in the browser's
    // shortcut settings (chrome://extensions/shortcuts, Firefox's add-ons manager).
    commands: {
      [PANEL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Show or hide the GHL panel on a Trint transcript and move the focus into it',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // 140 is the first ESR with the built-in data consent below.
          strict_min_version: '140.0',
          // Firefox's data-consent declaration. The extension sends what a person chooses to GHL,
          // their own CRM: contact details (personallyIdentifyingInfo), transcript text saved as
          // notes (websiteContent), and their token with every request (authenticationInfo; OAuth
          // codes go to their own broker). Nothing goes to us or anyone else. PRIVACY.md
          // ("Firefox: data-consent declaration") explains each in words a test holds to this list.
          data_collection_permissions: {
            required: [...FIREFOX_DATA_COLLECTION],
          },
        },
        // Firefox for Android reads the data consent from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
