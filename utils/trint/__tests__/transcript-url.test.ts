import { describe, expect, it } from 'vitest';
import {
  isTrintOrigin,
  parseTranscriptId,
  TRINT_MATCHES,
  TRINT_ORIGINS,
  transcriptUrl,
  trintOriginOf,
} from '../transcript-url';

describe('parseTranscriptId', () => {
  it.each([
    ['plain editor URL', 'https://app.trint.com/editor/abc123', 'abc123'],
    ['trailing slash', 'https://app.trint.com/editor/abc123/', 'abc123'],
    ['query string', 'https://app.trint.com/editor/abc123?tab=speakers', 'abc123'],
    ['hash', 'https://app.trint.com/editor/abc123#t=42.5', 'abc123'],
    ['query and hash', 'https://app.trint.com/editor/abc123/?a=1#p3', 'abc123'],
    ['dashes and underscores', 'https://app.trint.com/editor/Xy-12_zQ', 'Xy-12_zQ'],
    ['editor sub-path', 'https://app.trint.com/editor/abc123/share', 'abc123'],
    ['double slash', 'https://app.trint.com//editor//abc123', 'abc123'],
    ['explicit default port', 'https://app.trint.com:443/editor/abc123', 'abc123'],
    ['EU editor URL', 'https://app.eu.trint.com/editor/abc123', 'abc123'],
    ['EU editor with query and hash', 'https://app.eu.trint.com/editor/abc123/?a=1#p3', 'abc123'],
  ])('%s → the id', (_name, url, expected) => {
    expect(parseTranscriptId(url)).toBe(expected);
  });

  it.each([
    ['dashboard', 'https://app.trint.com/'],
    ['transcript list', 'https://app.trint.com/trints'],
    ['editor without id', 'https://app.trint.com/editor'],
    ['editor with only a slash', 'https://app.trint.com/editor/'],
    ['editor later in the path', 'https://app.trint.com/folders/editor/abc123'],
    ['id in the query only', 'https://app.trint.com/editor?id=abc123'],
    ['id in the hash only', 'https://app.trint.com/#/editor/abc123'],
    ['other host', 'https://example.com/editor/abc123'],
    ['look-alike host', 'https://app.trint.com.evil.example/editor/abc123'],
    ['other Trint subdomain', 'https://www.trint.com/editor/abc123'],
    ['EU look-alike host', 'https://app.eu.trint.com.evil.example/editor/abc123'],
    ['other EU Trint subdomain', 'https://api.eu.trint.com/editor/abc123'],
    ['EU file list', 'https://app.eu.trint.com/trints'],
    ['EU plain http', 'http://app.eu.trint.com/editor/abc123'],
    ['EU other port', 'https://app.eu.trint.com:8443/editor/abc123'],
    ['plain http', 'http://app.trint.com/editor/abc123'],
    ['other port', 'https://app.trint.com:8443/editor/abc123'],
    ['encoded characters in the id', 'https://app.trint.com/editor/abc%20123'],
    ['markup in the id', 'https://app.trint.com/editor/%3Cimg%3E'],
    ['id too long', `https://app.trint.com/editor/${'a'.repeat(129)}`],
    ['not a URL', 'editor/abc123'],
    ['empty string', ''],
  ])('%s → undefined', (_name, url) => {
    expect(parseTranscriptId(url)).toBeUndefined();
  });

  it('accepts URL objects as well as strings', () => {
    expect(parseTranscriptId(new URL('https://app.trint.com/editor/fromUrl'))).toBe('fromUrl');
  });

  it('round-trips with transcriptUrl', () => {
    expect(parseTranscriptId(transcriptUrl('Xy-12_zQ'))).toBe('Xy-12_zQ');
  });
});

describe('transcriptUrl', () => {
  it('builds app.trint.com links when no origin is known (records from before hosts)', () => {
    expect(transcriptUrl('abc')).toBe('https://app.trint.com/editor/abc');
  });

  it.each(TRINT_ORIGINS)('builds links on %s and round-trips', (origin) => {
    const url = transcriptUrl('Xy-12_zQ', origin);
    expect(url).toBe(`${origin}/editor/Xy-12_zQ`);
    expect(parseTranscriptId(url)).toBe('Xy-12_zQ');
    expect(trintOriginOf(url)).toBe(origin);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a look-alike', 'https://app.eu.trint.com.evil.example'],
    ['plain http', 'http://app.eu.trint.com'],
    ['an empty string', ''],
  ])('never points at %s: that origin means app.trint.com', (_name, origin) => {
    expect(transcriptUrl('abc', origin)).toBe('https://app.trint.com/editor/abc');
  });

  it('escapes the id', () => {
    expect(transcriptUrl('a b<c>', 'https://app.eu.trint.com')).toBe(
      'https://app.eu.trint.com/editor/a%20b%3Cc%3E',
    );
  });
});

describe('Trint origins', () => {
  it('are app.trint.com and app.eu.trint.com, matched whole', () => {
    expect(TRINT_MATCHES).toEqual(['https://app.trint.com/*', 'https://app.eu.trint.com/*']);
    expect(TRINT_ORIGINS.every(isTrintOrigin)).toBe(true);
    expect(isTrintOrigin('https://eu.trint.com')).toBe(false);
    expect(isTrintOrigin(undefined)).toBe(false);
  });

  it.each([
    ['https://app.eu.trint.com/trints', 'https://app.eu.trint.com'],
    ['https://app.trint.com/', 'https://app.trint.com'],
    ['https://www.trint.com/', undefined],
    ['not a url', undefined],
  ])('trintOriginOf(%s) is %s', (url, origin) => {
    expect(trintOriginOf(url)).toBe(origin);
  });
});
