// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findListedTranscripts } from '../transcript-list';

const ids = (skip?: Element) => findListedTranscripts(document, skip).map((l) => l.transcriptId);

describe('findListedTranscripts', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('finds links to editor URLs, absolute and relative, in page order', () => {
    document.body.innerHTML = `
      <ul>
        <li><a href="https://app.trint.com/editor/abc123">Call one</a></li>
        <li><a href="/editor/def_456?tab=notes#top">Call two</a></li>
        <li><a href="./editor/ghi-789/">Call three</a></li>
        <li><a href="//app.trint.com/editor/JKL0">Call four</a></li>
      </ul>`;
    expect(ids()).toEqual(['abc123', 'def_456', 'ghi-789', 'JKL0']);
  });

  it('gives the link itself, so a marker can go after it', () => {
    document.body.innerHTML = '<a id="one" href="/editor/abc123">Call one</a>';
    const [listed] = findListedTranscripts(document);
    expect(listed?.anchor).toBe(document.getElementById('one'));
  });

  it('lists a transcript each time it is linked (the caller asks once per id)', () => {
    document.body.innerHTML = `
      <a href="/editor/abc123">Title</a>
      <a href="/editor/abc123"><img alt="thumbnail"></a>`;
    expect(ids()).toEqual(['abc123', 'abc123']);
  });

  it('ignores links that are not to a Trint editor', () => {
    document.body.innerHTML = `
      <a href="/dashboard">Dashboard</a>
      <a href="/files/editor/abc123">Not an editor path</a>
      <a href="https://evil.example.com/editor/abc123">Another site</a>
      <a href="http://app.trint.com/editor/abc123">Not https</a>
      <a href="/editor/">No id</a>
      <a>No href</a>
      <a href="/editor/real1">Real</a>`;
    expect(ids()).toEqual(['real1']);
  });

  it('ignores malformed ids', () => {
    document.body.innerHTML = `
      <a href="/editor/has%20space">Encoded space</a>
      <a href="/editor/semi;colon">Semicolon</a>
      <a href="/editor/${'x'.repeat(129)}">Too long</a>
      <a href="/editor/${'y'.repeat(128)}">Longest allowed</a>`;
    expect(ids()).toEqual(['y'.repeat(128)]);
  });

  it('ignores links inside the skipped element (our own panel)', () => {
    document.body.innerHTML = `
      <a href="/editor/listed1">Listed</a>
      <aside id="panel"><a href="/editor/panel1">Open in the panel</a></aside>
      <a href="/editor/listed2">Listed</a>`;
    expect(ids(document.getElementById('panel')!)).toEqual(['listed1', 'listed2']);
    expect(ids()).toEqual(['listed1', 'panel1', 'listed2']);
  });

  it('finds nothing on a page without links', () => {
    document.body.innerHTML = '<p>No files yet.</p>';
    expect(findListedTranscripts(document)).toEqual([]);
  });

  it('stops at 500 transcripts', () => {
    document.body.innerHTML = Array.from(
      { length: 520 },
      (_, i) => `<a href="/editor/t${i}">Call ${i}</a>`,
    ).join('');
    const listed = ids();
    expect(listed).toHaveLength(500);
    expect(listed[0]).toBe('t0');
    expect(listed[499]).toBe('t499');
  });

  it('counts only valid links towards the 500', () => {
    document.body.innerHTML =
      Array.from({ length: 30 }, () => '<a href="/editor/bad%20id">Bad</a>').join('') +
      Array.from({ length: 500 }, (_, i) => `<a href="/editor/t${i}">Call ${i}</a>`).join('');
    const listed = ids();
    expect(listed).toHaveLength(500);
    expect(listed[499]).toBe('t499');
  });
});
