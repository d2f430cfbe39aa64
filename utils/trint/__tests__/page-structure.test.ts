// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  describePageStructure,
  PAGE_REPORT_MAX_ELEMENTS,
  PAGE_REPORT_MAX_LENGTH,
} from '../page-structure';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('describePageStructure', () => {
  it('keeps tag names, classes and data-attribute names, indented by depth', () => {
    const doc = parse(
      `<div class="AppShell dark" id="root"><span class="TopbarTitleText" data-testid="title">Call</span>
       <p class="ParagraphContainer" data-speaker-name="Jane"><b class="Speaker">Jane</b></p></div>`,
    );
    expect(describePageStructure(doc)).toBe(
      [
        'body',
        ' div.AppShell.dark',
        '  span.TopbarTitleText[data-testid]',
        '  p.ParagraphContainer[data-speaker-name]',
        '   b.Speaker',
      ].join('\n'),
    );
  });

  it('removes every text and attribute value, and leaves our own elements out', () => {
    const doc = parse(
      `<h1 title="Secret title" data-id="sbx123" aria-label="Jane Doe">Board meeting with Jane Doe</h1>
       <a href="/editor/abc?token=x">Next</a><input value="jane@acme.example">
       <ghl-trint-panel class="leak">Jane Doe</ghl-trint-panel>`,
    );
    const report = describePageStructure(doc);
    expect(report).toBe(['body', ' h1[data-id]', ' a', ' input'].join('\n'));
    expect(report).not.toMatch(/Jane|Secret|sbx123|abc|token|acme|Board|leak/);
  });

  it('is bounded in elements and in length, however big the page', () => {
    const many = parse(`<div>${'<p class="row"></p>'.repeat(5000)}</div>`);
    expect(describePageStructure(many).split('\n')).toHaveLength(PAGE_REPORT_MAX_ELEMENTS);
    const long = parse(`<div>${`<p class="${'x'.repeat(500)}"></p>`.repeat(100)}</div>`);
    expect(describePageStructure(long).length).toBeLessThanOrEqual(PAGE_REPORT_MAX_LENGTH);
  });
});
