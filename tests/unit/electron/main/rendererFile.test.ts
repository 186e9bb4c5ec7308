// app://deskline/<path> → a file inside the renderer folder, never outside it, whatever the
// encoding. Request URLs as protocol.handle receives them (Chromium canonicalises a `standard`
// scheme like http: literal `.`/`..` segments are already collapsed, `%2e%2e` too).
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../../../electron/main/rendererFile';

const root = path.resolve('/srv/deskline/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveRendererFile', () => {
  it('serves index.html for the bare origin and files below the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://deskline/')).toBe(inRoot('index.html'));
    expect(resolveRendererFile(root, 'app://deskline')).toBe(inRoot('index.html'));
    expect(resolveRendererFile(root, 'app://deskline/index.html?lang=en#/desk')).toBe(inRoot('index.html'));
    expect(resolveRendererFile(root, 'app://deskline/assets/index-4f2a.js')).toBe(inRoot('assets', 'index-4f2a.js'));
    expect(resolveRendererFile(root, 'app://deskline/assets/a%20b.woff2')).toBe(inRoot('assets', 'a b.woff2'));
  });

  it('keeps dot segments the URL parser collapses inside the folder', () => {
    expect(resolveRendererFile(root, 'app://deskline/../../etc/passwd')).toBe(inRoot('etc', 'passwd'));
    expect(resolveRendererFile(root, 'app://deskline/%2e%2e/%2e%2e/etc/passwd')).toBe(inRoot('etc', 'passwd'));
  });

  it('refuses encoded separators that would climb out once decoded', () => {
    for (const url of ['app://deskline/..%2f..%2f..%2fetc%2fpasswd', 'app://deskline/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'app://deskline/%2e%2e%2fsecret.key']) {
      expect(resolveRendererFile(root, url), url).toBeNull();
    }
  });

  it('refuses backslashes, NUL bytes, drive letters and empty segments', () => {
    for (const url of [
      'app://deskline/..%5c..%5cWindows%5cwin.ini',
      'app://deskline/assets%5cindex.js',
      'app://deskline/index.html%00.png',
      'app://deskline/C:%5cWindows%5cwin.ini',
      'app://deskline/C:/Windows/win.ini',
      'app://deskline//etc/passwd',
      'app://deskline/assets/',
    ]) {
      expect(resolveRendererFile(root, url), url).toBeNull();
    }
  });

  it('refuses a malformed escape instead of throwing (decodeURIComponent would throw URIError)', () => {
    expect(() => decodeURIComponent('/%E0%A4%A')).toThrow(URIError);
    expect(resolveRendererFile(root, 'app://deskline/%E0%A4%A')).toBeNull();
    expect(resolveRendererFile(root, 'app://deskline/%')).toBeNull();
  });

  it('refuses other hosts and schemes, and strings that are not URLs', () => {
    for (const url of ['app://evil/index.html', 'app://deskline.evil/index.html', 'file:///etc/passwd', 'https://deskline/index.html', 'index.html', '']) {
      expect(resolveRendererFile(root, url), url).toBeNull();
    }
  });

  it('never resolves outside the renderer folder, for any mix of hostile path pieces', () => {
    const piece = fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '.%2e', '%2f', '%2F', '%5c', '\\', '%00', '%25', '%', 'a', 'index.html', '/', '//', ':', 'C:', '%c0%ae', '\u2025');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const file = resolveRendererFile(root, `app://deskline/${pieces.join('')}`);
        return file === null || file.startsWith(root + path.sep);
      }),
      { numRuns: 5000 },
    );
  });
});
