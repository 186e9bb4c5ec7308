// Navigation and new-window policy with the URLs Electron hands to 'will-navigate' (event.url)
// and setWindowOpenHandler ("the resolved version of the URL passed to window.open()").
import { describe, expect, it } from 'vitest';
import { externalUrlForWindowOpen, isNavigationAllowed } from '../../../../electron/main/navigationPolicy';

describe('isNavigationAllowed', () => {
  it('lets the window reload our own page', () => {
    expect(isNavigationAllowed('app://deskline/index.html')).toBe(true);
    expect(isNavigationAllowed('app://deskline/')).toBe(true);
  });

  it('refuses look-alike app:// URLs that the old startsWith(app://deskline) check let through', () => {
    for (const url of ['app://deskline.evil.example/index.html', 'app://deskline@evil.example/', 'app://desklinex/', 'app://deskline:1/']) {
      expect(url.startsWith('app://deskline'), url).toBe(true);
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });

  it('refuses everything else, the web included', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'about:blank', 'javascript:alert(1)', 'data:text/html,x', 'devtools://devtools/bundled/devtools_app.html', 'chrome://gpu', '']) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });
});

describe('externalUrlForWindowOpen', () => {
  it('sends http and https links to the system browser, normalised', () => {
    expect(externalUrlForWindowOpen('https://example.com/help?q=1#top')).toBe('https://example.com/help?q=1#top');
    expect(externalUrlForWindowOpen('http://example.com')).toBe('http://example.com/');
    expect(externalUrlForWindowOpen('HTTPS://EXAMPLE.com/')).toBe('https://example.com/');
  });

  it('opens nothing for other schemes, credentials in the URL, or garbage', () => {
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'ms-msdt:/id PCWDiagnostic', 'javascript:alert(1)', 'mailto:a@example.com', 'app://deskline/index.html', 'https://user:secret@example.com/', 'https://evil.example@example.com/', 'not a url', '']) {
      expect(externalUrlForWindowOpen(url), url).toBeNull();
    }
  });
});
