import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config, { FIREFOX_DATA_COLLECTION } from '../../wxt.config';
import { PERMISSION_REASONS } from '../../utils/permissions';
import { listItems, paragraphs, section, tableRows } from '../markdown-sections';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const privacy = read('PRIVACY.md');
const chrome = read('store/chrome-web-store.md');
const firefox = read('store/firefox-add-ons.md');
const listing = read('store/listing.md');

/** The manifest wxt.config.ts declares for one browser. */
async function manifestFor(browser: 'chrome' | 'firefox') {
  if (typeof config.manifest !== 'function') throw new Error('manifest should be a function');
  return config.manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
}

/** `id: words` list items as a map. */
const byId = (items: string[]) =>
  Object.fromEntries(items.map((item) => /^`([^`]+)`: (.+)$/.exec(item)!.slice(1, 3)));

// Issue 21: what the stores are told agrees with PRIVACY.md, word for word where they overlap,
// and both agree with the manifest.
describe('store statements and PRIVACY.md', () => {
  it("Chrome's single purpose is PRIVACY.md's, word for word", () => {
    const [purpose, ...rest] = paragraphs(section(chrome, 'Single purpose'));
    expect(rest).toEqual([]);
    expect(paragraphs(section(privacy, 'In short'))).toContain(purpose);
  });

  it("Chrome's limited-use statements are PRIVACY.md's, word for word and in order", () => {
    const stated = paragraphs(section(chrome, 'Limited use'));
    const policy = paragraphs(section(privacy, 'Chrome Web Store: limited use'));
    // The form's last line tells the person filling it in what to tick; the rest is the policy's.
    expect(stated.slice(0, -1)).toEqual(policy);
    expect(policy.length).toBeGreaterThanOrEqual(3);
  });

  it("Firefox's data-consent declaration is the manifest's, explained in PRIVACY.md's words", async () => {
    const gecko = (await manifestFor('firefox')).browser_specific_settings?.gecko as {
      data_collection_permissions?: { required?: string[]; optional?: string[] };
    };
    expect(gecko.data_collection_permissions).toEqual({ required: [...FIREFOX_DATA_COLLECTION] });
    const policy = byId(listItems(section(privacy, 'Firefox: data-consent declaration')));
    const form = byId(listItems(section(firefox, 'Data collection')));
    expect(Object.keys(policy)).toEqual([...FIREFOX_DATA_COLLECTION]);
    expect(form).toEqual(policy);
  });

  it("Chrome's data-usage boxes are Firefox's declared kinds of data", () => {
    const boxes = listItems(section(chrome, 'Data usage'));
    const asFirefox: Record<string, string> = {
      'Personally identifiable information': 'personallyIdentifyingInfo',
      'Authentication information': 'authenticationInfo',
      'Website content': 'websiteContent',
    };
    expect(boxes.map((box) => asFirefox[box] ?? box).sort()).toEqual(
      [...FIREFOX_DATA_COLLECTION].sort(),
    );
  });

  it('justifies every permission of the manifest in PRIVACY.md and in the Chrome form, with the same words', async () => {
    const manifest = await manifestFor('chrome');
    const permissions = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
    const policy = tableRows(section(privacy, 'Permissions, and why'));
    const justifications = section(chrome, 'Permission justifications');
    expect(Object.keys(policy).map((p) => p.replace(/`/g, ''))).toEqual(permissions);
    for (const permission of permissions) {
      const stated = paragraphs(section(justifications, `\`${permission}\``));
      expect(stated, permission).toEqual([policy[`\`${permission}\``]]);
      // The settings page's reasons are written to "you"; the store's about "the person".
      expect(PERMISSION_REASONS[permission], permission).toBeTruthy();
    }
  });

  it('says the same about where data goes in the listing as in PRIVACY.md', () => {
    const long = paragraphs(section(listing, 'Long description')).join(' ');
    expect(long).toContain('Nothing goes to the extension');
    expect(paragraphs(section(privacy, 'In short')).join(' ')).toContain(
      "Nothing is sent to the extension's developers or to anyone else.",
    );
  });

  it('keeps the listing within the stores’ limits', () => {
    const name = paragraphs(section(listing, 'Name'))[0]!;
    const short = paragraphs(section(listing, 'Short description'))[0]!;
    const long = section(listing, 'Long description').trim();
    expect(name).toBe('GHL for Trint');
    // Chrome: the summary at most 132 characters; AMO: 250. Chrome: the description 16,000.
    expect(short.length).toBeLessThanOrEqual(132);
    expect(long.length).toBeLessThanOrEqual(16_000);
  });
});
