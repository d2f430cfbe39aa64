import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PANEL_COMMAND } from './utils/messaging/tab-messages';
import { TRINT_MATCHES } from './utils/trint/transcript-url';

/**
 * The Firefox add-on id. It must never change once published: Firefox keys the add-on's storage,
 * IndexedDB and update channel by it.
 */
export const GECKO_ID = 'ghl-for-trint@ghl-for-trint.app';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox's review gets the sources zip: leave out what tests and the demo write locally.
  zip: { excludeSources: ['demo-output/**', 'test-results/**'] },
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
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
          // their own CRM: contact details they enter (personallyIdentifyingInfo) and transcript
          // text they save as notes (websiteContent). Nothing goes to us or anyone else.
          data_collection_permissions: {
            required: ['personallyIdentifyingInfo', 'websiteContent'],
          },
        },
        // Firefox for Android reads the data consent from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
