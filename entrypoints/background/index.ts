import { browser } from 'wxt/browser';
import { systemClock } from '@/utils/clock';
import { createSandboxScriptLoader } from '@/utils/ghl/sandbox-script';
import { syncSettingsItem } from '@/utils/storage/sync-settings-item';
import { createBackground } from './create-background';

/**
 * The background is the only context that holds credentials and talks to GHL. It only wires:
 * createBackground builds everything (tests and benchmarks build it the same way). Listeners are
 * added synchronously at the start of `main`, before any `await`, so a service worker woken by an
 * event finds them.
 */
export default defineBackground(() => {
  const background = createBackground({
    browser,
    // Looked up at each request, as a direct call to fetch would be.
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    // Sandbox mode's GHL, loaded from its own file (sandbox-ghl.js) the first time it is used.
    sandbox: createSandboxScriptLoader(),
  });
  const { on } = background;
  browser.runtime.onMessage.addListener(on.message);
  browser.tabs.onRemoved.addListener(on.tabRemoved);
  browser.alarms.onAlarm.addListener(on.alarm);
  syncSettingsItem.watch(on.syncSettingsChanged);
  browser.notifications.onClicked.addListener(on.notificationClicked);
  browser.commands.onCommand.addListener(on.command);
  background.start();
});
