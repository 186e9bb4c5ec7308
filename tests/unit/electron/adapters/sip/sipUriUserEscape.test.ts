// sip.js printing a URI whose (already decoded) user part holds a literal "%".
import { URI } from 'sip.js';
import { describe, expect, it } from 'vitest';
import { installSipUriUserEscape } from '../../../../../electron/adapters/sip/sipUriUserEscape';

describe('installSipUriUserEscape', () => {
  it('lets sip.js print a URI for a caller sent as sip:%25@… (its double decode threw URIError)', () => {
    const uri = new URI('sip', '%', 'example.com');
    // The sip.js behaviour being guarded (this file runs in its own module graph, unpatched so far).
    expect(() => uri.toString()).toThrow(URIError);
    installSipUriUserEscape();
    expect(uri.toString()).toBe('sip:%25@example.com');
    expect(new URI('sip', '100%', 'example.com').toString()).toBe('sip:100%25@example.com');
  });

  it('prints every user part that printed before exactly as before', () => {
    installSipUriUserEscape();
    installSipUriUserEscape(); // idempotent
    expect(new URI('sip', 'I have spaces', 'example.net').toString()).toBe('sip:I%20have%20spaces@example.net');
    expect(new URI('sip', '+8613800138000', 'deskline.test').toString()).toBe('sip:+8613800138000@deskline.test');
    expect(new URI('sip', '1001', 'deskline.test', 5060).toString()).toBe('sip:1001@deskline.test:5060');
  });
});
