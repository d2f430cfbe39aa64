import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { PERMISSION_REASONS } from '../permissions';

/** The manifest as wxt.config.ts declares it for one browser. */
async function declaredManifest(browser: 'chrome' | 'firefox') {
  const { manifest } = config;
  if (typeof manifest !== 'function')
    throw new Error('wxt.config.ts: manifest should be a function');
  return manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
}

describe('permissions', () => {
  it.each(['chrome', 'firefox'] as const)(
    '%s asks for exactly what the product needs',
    async (browser) => {
      const manifest = await declaredManifest(browser);
      expect(manifest.permissions).toEqual(['storage', 'alarms', 'identity', 'notifications']);
      expect(manifest.host_permissions).toEqual([
        'https://services.leadconnectorhq.com/*',
        'https://app.trint.com/*',
        'https://app.eu.trint.com/*',
      ]);
    },
  );

  it('explains every permission in the extension and in the README', async () => {
    const manifest = await declaredManifest('chrome');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const permission of [
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
    ]) {
      expect(PERMISSION_REASONS[permission], permission).toBeTruthy();
      expect(readme, `README.md explains ${permission}`).toContain(`\`${permission}\``);
    }
  });

  it('gives Firefox a stable add-on id and none to Chrome', async () => {
    expect((await declaredManifest('firefox')).browser_specific_settings?.gecko?.id).toBe(
      'ghl-for-trint@ghl-for-trint.app',
    );
    expect((await declaredManifest('chrome')).browser_specific_settings).toBeUndefined();
  });
});
