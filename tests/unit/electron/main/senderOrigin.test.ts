// The IPC sender check with the values Electron documents for WebFrameMain (docs/api/
// web-frame-main.md): `url` "the current URL of the frame"; `origin` "serialized according to
// RFC 6454 … Pages without a scheme/host/port triple origin will have the serialized origin of
// "null""; for "a child window opened to about:blank, frame.origin will return the parent frame's
// origin, while frame.url will return the empty string"; `parent` "null if frame is the top frame".
// app:// is registered `standard` (appProtocol.ts), so our page has the triple origin app://deskline.
import { describe, expect, it } from 'vitest';
import { appOrigin } from '../../../../electron/main/appOrigin';
import { isTrustedSender, type SenderFrame } from '../../../../electron/main/senderOrigin';

const topFrame = (url: string, origin: string): SenderFrame => ({ url, origin, parent: null });

describe('isTrustedSender', () => {
  it('accepts the main frame of our page, whatever path, query or hash it shows', () => {
    for (const url of ['app://deskline/index.html', 'app://deskline/', 'app://deskline/index.html#/team', 'app://deskline/index.html?lang=zh-CN']) {
      expect(isTrustedSender(topFrame(url, 'app://deskline')), url).toBe(true);
    }
  });

  it('is not fooled by WHATWG URL: Node serialises the origin of app:// as "null" (the old check)', () => {
    // issue 12: ipcHost compared this with app://deskline, so every call answered FORBIDDEN.
    expect(new URL('app://deskline/index.html').origin).toBe('null');
    expect(new URL('app://deskline/index.html').origin).not.toBe(appOrigin);
    expect(isTrustedSender(topFrame('app://deskline/index.html', appOrigin))).toBe(true);
  });

  it('refuses subframes, even of our own origin, and a missing frame (navigated away or destroyed)', () => {
    const parent = topFrame('app://deskline/index.html', appOrigin);
    expect(isTrustedSender({ url: 'app://deskline/index.html', origin: appOrigin, parent })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses other hosts, credentials and ports on app://', () => {
    for (const url of ['app://evil/index.html', 'app://deskline.evil.example/index.html', 'app://deskline@evil.example/', 'app://evil@deskline/', 'app://a:b@deskline/', 'app://deskline:8080/index.html', 'app://desklinex/']) {
      expect(isTrustedSender(topFrame(url, appOrigin)), url).toBe(false);
    }
  });

  it('refuses other schemes: file, devtools, the dev server, https, chrome-error, data', () => {
    const cases: Array<[string, string]> = [
      ['file:///opt/Deskline/resources/app.asar/.out/renderer/index.html', 'file://'],
      ['devtools://devtools/bundled/devtools_app.html', 'devtools://devtools'],
      ['http://localhost:5173/', 'http://localhost:5173'],
      ['https://deskline/index.html', 'https://deskline'],
      ['chrome-error://chromewebdata/', 'null'],
      ['data:text/html,<script>1</script>', 'null'],
    ];
    for (const [url, origin] of cases) expect(isTrustedSender(topFrame(url, origin)), url).toBe(false);
  });

  it("refuses about:blank and the docs' empty-url child window even though its origin is ours", () => {
    expect(isTrustedSender(topFrame('', appOrigin))).toBe(false);
    expect(isTrustedSender(topFrame('about:blank', appOrigin))).toBe(false);
  });

  it('refuses an app:// URL whose origin is opaque ("null") or another origin', () => {
    expect(isTrustedSender(topFrame('app://deskline/index.html', 'null'))).toBe(false);
    expect(isTrustedSender(topFrame('app://deskline/index.html', 'app://evil'))).toBe(false);
    expect(isTrustedSender(topFrame('app://deskline/index.html', 'app://deskline/'))).toBe(false);
  });

  it('refuses malformed URLs without throwing', () => {
    for (const url of ['app://', 'app:deskline/index.html', 'not a url', '://deskline', 'app://[::1', '\u0000']) {
      expect(isTrustedSender(topFrame(url, appOrigin)), JSON.stringify(url)).toBe(false);
    }
  });
});
