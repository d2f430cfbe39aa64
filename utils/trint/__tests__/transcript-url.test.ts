import { describe, expect, it } from 'vitest';
import { parseTranscriptId, transcriptUrl } from '../transcript-url';

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
