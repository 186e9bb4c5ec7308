// build/patches/sip.js+0.21.2.patch makes sip.js decode its SIP grammar once instead of on every
// header parse (a SIP message is many parses; decoding each time cost milliseconds per message on
// the ringing and answering paths). These check that parses sharing the cached grammar still give
// the right answers, whatever rule ran before, and that the patch is in place.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Grammar, NameAddrHeader, URI } from 'sip.js';
import { describe, expect, it } from 'vitest';

describe('sip.js grammar with the decode-once patch', () => {
  it('is applied to the installed sip.js (npm install runs patch-package)', () => {
    const sipJsRoot = path.dirname(createRequire(import.meta.url).resolve('sip.js/package.json'));
    const grammar = readFileSync(path.join(sipJsRoot, 'lib/grammar/pegjs/dist/grammar.js'), 'utf8');
    expect(grammar).toContain('peg$bytecodeCache || (peg$bytecodeCache = [');
  });

  it('parses different rules one after another with the shared grammar', () => {
    for (let round = 0; round < 3; round++) {
      const uri = Grammar.URIParse('sip:1001@deskline.test;transport=ws');
      expect(uri).toBeInstanceOf(URI);
      expect(uri?.user).toBe('1001');
      expect(uri?.getParam('transport')).toBe('ws');

      const contact = Grammar.nameAddrHeaderParse('"Caller Wang" <sip:3001@127.0.0.1:5060>;tag=abc');
      expect(contact).toBeInstanceOf(NameAddrHeader);
      expect(contact?.displayName).toBe('Caller Wang');
      expect(contact?.uri.user).toBe('3001');
      expect(contact?.getParam('tag')).toBe('abc');
    }
  });

  it('still refuses what is not SIP', () => {
    expect(Grammar.URIParse('not a uri')).toBeUndefined();
    expect(Grammar.URIParse('sip:1001@deskline.test')?.host).toBe('deskline.test');
  });
});
