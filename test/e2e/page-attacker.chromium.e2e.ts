import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { closedPanel } from './support/closed-panel';
import { ghlContact, recordGhlRequests } from './support/panel-contact-steps';
import { openOptions } from './support/mapping-steps';
import { connectWithToken, editorUrl, JANE_ID } from './support/panel-session';
import { CHROME_BUILD, RESULTS } from './support/paths';

/** For the panel to show what the cache or GHL answered. */
const SOON = { timeout: 10_000, interval: 200 };
/** Long enough for a write the panel queued to reach GHL (the outbox sends at once). */
const SETTLE_MS = 2_500;

/**
 * What a script of the page sets up before anything of the extension runs: it wraps
 * attachShadow to catch the panel's root, and keeps every message posted to the window.
 */
const PAGE_SPY = () => {
  const spied = { roots: [] as unknown[], messages: [] as string[] };
  (window as unknown as { spied: typeof spied }).spied = spied;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    spied.roots.push(root);
    return root;
  };
  window.addEventListener('message', (event) => spied.messages.push(JSON.stringify(event.data)));
};

// Issue 18: the Trint page is untrusted. These tests load the PRODUCTION build (closed shadow
// root), not the e2e copy, and play a script of the page (or an XSS on Trint) against it; each
// asserts what GHL received and what the person sees.
describe('Chromium: a script of the Trint page cannot read or drive the panel', () => {
  let browser: ExtensionChromium;
  let page: Page;
  let ghl: ReturnType<typeof recordGhlRequests>;
  const writes = () => ghl.requests.filter((r) => r.method !== 'GET');

  beforeAll(async () => {
    browser = await launchChromiumWithExtension({ extensionDir: CHROME_BUILD });
    mkdirSync(RESULTS, { recursive: true });
    ghl = recordGhlRequests(browser.ghl);
    await connectWithToken(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  async function open(url: string) {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.addInitScript(PAGE_SPY);
    await page.goto(url);
    const panel = await closedPanel(page);
    await expect.poll(() => panel.text(), SOON).toContain('GHL for Trint');
    return panel;
  }

  it('the page finds no way into the panel, and no contact data in its DOM', async () => {
    const panel = await open(editorUrl('tr-alpha'));
    // A person links Jane Doe, with the keyboard and the mouse.
    await panel.click('searchbox', 'Search GHL contacts');
    await page.keyboard.type('jane');
    await expect.poll(() => panel.has('button', 'Link Jane Doe'), SOON).toBe(true);
    await panel.click('button', 'Link Jane Doe');
    const jane = ghlContact(browser.ghl, JANE_ID)!;
    await expect.poll(() => panel.has('region', 'Contact Jane Doe'), SOON).toBe(true);
    // The person sees the contact's details; the page, below, does not.
    await expect.poll(() => panel.text(), SOON).toContain(jane.email!);

    const seen = await page.evaluate(() => {
      const host = document.querySelector('ghl-trint-panel');
      const { spied } = window as unknown as { spied: { roots: unknown[]; messages: string[] } };
      return {
        host: host?.localName,
        shadowRoot: host?.shadowRoot ?? null,
        caught: spied.roots.length,
        messages: spied.messages,
        html: document.documentElement.outerHTML,
        text: document.body.innerText,
      };
    });
    expect(seen.host).toBe('ghl-trint-panel');
    expect(seen.shadowRoot, 'host.shadowRoot').toBeNull();
    expect(seen.caught, 'roots caught by wrapping attachShadow').toBe(0);
    for (const secret of [jane.email!, jane.phone!, JANE_ID]) {
      expect(seen.html).not.toContain(secret);
      expect(seen.text).not.toContain(secret);
    }
    // WXT's "content script started" postMessage (with the extension id) is off.
    expect(seen.messages.filter((m) => m.includes(browser.extensionId))).toEqual([]);
    await page.screenshot({ path: `${RESULTS}/attacker-linked.png` });

    // The file list's marker names no one.
    await page.getByRole('link', { name: 'All files' }).click();
    await page.getByRole('img', { name: 'Linked to GHL' }).waitFor({ timeout: SOON.timeout });
    const list = await page.evaluate(() => document.documentElement.outerHTML);
    expect(list).toContain('Linked to GHL');
    expect(list).not.toMatch(/Linked to GHL contact|Jane Doe/);
  });

  it('synthetic clicks and submits from the page reach nothing; the person’s own click does', async () => {
    const panel = await open(editorUrl('tr-alpha'));
    await expect.poll(() => panel.has('button', 'Log transcript'), SOON).toBe(true);
    ghl.clear();

    // Say a control leaked to the page: its script clicks, submits and presses Enter on it.
    for (const name of ['Log transcript', 'Add note', 'More']) {
      const leaked = await panel.leak('button', name);
      await panel.callOn(
        leaked,
        `function () {
          this.click();
          this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          this.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          this.closest('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
          this.closest('form')?.requestSubmit?.();
        }`,
      );
    }
    await page.waitForTimeout(SETTLE_MS);
    expect(writes(), 'writes GHL received').toEqual([]);
    expect(await panel.has('textbox', 'Note')).toBe(false);
    expect(await panel.has('button', 'Delete in GHL')).toBe(false);

    // The same control, clicked by a person, works: the test could see a write.
    await panel.click('button', 'Log transcript');
    await expect.poll(() => writes().map((r) => r.method), SOON).toEqual(['POST']);
  });

  it('a forged "content script started" event does not end the panel', async () => {
    const panel = await open(editorUrl('tr-alpha'));
    // The page knows the extension's id (it is public, on the store) and WXT's event name.
    await page.evaluate((id) => {
      const type = `${id}:trint:wxt:content-script-started`;
      const detail = { contentScriptName: 'trint', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, contentScriptName: 'trint', messageId: 'forged' }, '*');
    }, browser.extensionId);
    await page.waitForTimeout(500);
    // Still there, and still following the page: the next transcript shows.
    await page.getByRole('link', { name: 'Next transcript' }).click();
    await expect.poll(() => panel.text(), SOON).toContain('tr-bravo');
    expect(await page.locator('ghl-trint-panel').count()).toBe(1);
  });

  it('on a look-alike unlike ours, the panel is on top of a max-z-index sidebar and shows the title', async () => {
    const panel = await open(`${editorUrl('tr-delta')}?shell=other`);
    // Found by a fallback rule (Trint's public .TopbarTitleText), not by the look-alike's test ids.
    await expect.poll(() => panel.has('heading', 'Sprint retro with Initech'), SOON).toBe(true);
    const onTop = async (role: string, name: string) => {
      const { x, y } = await panel.where(role, name);
      return page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.localName, [x, y]);
    };
    expect(await onTop('heading', 'Sprint retro with Initech')).toBe('ghl-trint-panel');
    await page.screenshot({ path: `${RESULTS}/attacker-lookalike.png` });

    // The page adds its own fixed overlay and top-layer popover later: the panel stays above.
    await page.evaluate(() => {
      const overlay = document.createElement('div');
      overlay.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:rgba(200,0,0,.3)';
      document.body.append(overlay);
      const pop = document.createElement('div');
      pop.setAttribute('popover', 'manual');
      pop.style.cssText = 'inset:0;width:100vw;height:100vh;margin:0;background:rgba(0,0,200,.3)';
      document.body.append(pop);
      pop.showPopover();
    });
    await expect
      .poll(() => onTop('heading', 'Sprint retro with Initech'), SOON)
      .toBe('ghl-trint-panel');
    await page.screenshot({ path: `${RESULTS}/attacker-lookalike-overlays.png` });

    // The collapse still works, and the collapsed tab is on top too.
    await panel.click('button', 'Hide the GHL for Trint panel');
    await expect.poll(() => panel.has('button', 'Show the GHL for Trint panel'), SOON).toBe(true);
    expect(await onTop('button', 'Show the GHL for Trint panel')).toBe('ghl-trint-panel');
    await panel.click('button', 'Show the GHL for Trint panel');
    await expect.poll(() => panel.has('heading', 'Sprint retro with Initech'), SOON).toBe(true);

    // The options page says what this page yielded, and copies its structure without any text.
    const options = await openOptions(browser);
    const readings = options.getByRole('list', { name: 'Last Trint pages' }).getByRole('listitem');
    await expect
      .poll(() => readings.first().textContent(), SOON)
      .toMatch(/Title found by \.TopbarTitleText; 2 speakers found by \.Speaker\.$/);
    expect(await readings.allTextContents()).toContainEqual(
      expect.stringMatching(/Title found by \[data-testid="transcript-title"\]/),
    );
    // What lands on the clipboard, kept (Chromium grants no clipboard permission to an
    // extension's origin from outside).
    await options.evaluate(() => {
      const kept = window as unknown as { copied?: string };
      navigator.clipboard.writeText = async (text: string) => void (kept.copied = text);
    });
    await options.getByRole('button', { name: 'Copy page-structure report' }).click();
    await options.getByText('Copied. Paste it into your bug report.').waitFor();
    const report = await options.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(report).toContain('span.TopbarTitleText');
    expect(report).toContain('div.ParagraphContainer');
    expect(report).not.toMatch(/Sprint|Initech|Jane|Peter|TPS|Chat with us|tr-delta/);
    await options.getByRole('heading', { name: 'Trint page reading' }).scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${RESULTS}/attacker-options-page-reading.png` });
    await options.close();
  });
});
