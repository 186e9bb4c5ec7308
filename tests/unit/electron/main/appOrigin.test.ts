// The app's own origin and the privileges its scheme is registered with. The sender and permission
// checks rely on them: Electron docs (protocol.registerSchemesAsPrivileged) say a scheme not
// registered standard "will behave like the file protocol", i.e. an opaque ("null") origin, and a
// page that is not a secure context gets no getUserMedia.
import { describe, expect, it } from 'vitest';
import { appOrigin, appSchemePrivileges, isAppUrl } from '../../../../electron/main/appOrigin';

describe('app origin', () => {
  it('is app://deskline, registered standard and secure, without bypassing the CSP', () => {
    expect(appOrigin).toBe('app://deskline');
    expect(appSchemePrivileges).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    expect(appSchemePrivileges).not.toHaveProperty('bypassCSP');
  });

  it('recognises URLs and serialised origins on app://deskline only', () => {
    for (const value of ['app://deskline', 'app://deskline/', 'app://deskline/index.html?x#y']) expect(isAppUrl(value), value).toBe(true);
    for (const value of ['app://deskline:1/', 'app://x@deskline/', 'app://DESKLINE.evil/', 'APP:/deskline', 'null', '', 42, null, undefined]) {
      expect(isAppUrl(value), String(value)).toBe(false);
    }
  });
});
