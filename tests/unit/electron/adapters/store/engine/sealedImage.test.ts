// Issue 13 (S-6): database images sealed with the data key open only with that key; no key and
// another key are told apart from damage, and a changed, dropped or cut-off chunk is found.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealedImage, openImage, readSealedHeader, sealImage } from '../../../../../../electron/adapters/store/engine/sealedImage';
import { keyIdOf, KeyNeededError, newDataKey, open, seal, WrongKeyError } from '../../../../../../electron/adapters/store/engine/storeCipher';

const image = Buffer.concat([Buffer.from('SQLite format 3\0 customer 13812345678 退款申请 '), randomBytes(2.5 * 1024 * 1024)]);

describe('a sealed database image', () => {
  it('opens to the same bytes with its key, over several chunks, and holds none of the plain text', () => {
    const key = newDataKey();
    const sealed = sealImage(key, image, 'snapshot');
    expect(isSealedImage(sealed)).toBe(true);
    expect(sealed.includes(Buffer.from('13812345678'))).toBe(false);
    expect(sealed.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(readSealedHeader(sealed)!.header).toMatchObject({ purpose: 'snapshot', keyId: keyIdOf(key), plainBytes: image.length });
    expect(Buffer.from(openImage(sealed, key, 'test')).equals(image)).toBe(true);
  });

  it('without a key is a KeyNeededError, with another key a WrongKeyError (never "damaged")', () => {
    const sealed = sealImage(newDataKey(), image, 'backup');
    expect(() => openImage(sealed, null, 'The backup')).toThrow(KeyNeededError);
    expect(() => openImage(sealed, newDataKey(), 'The backup')).toThrow(WrongKeyError);
    expect(() => openImage(sealed, newDataKey(), 'The backup')).toThrow(/encrypted with another data key/);
  });

  it('with one byte changed anywhere in a chunk, or cut short, is damage (not a key error)', () => {
    const key = newDataKey();
    const sealed = sealImage(key, image, 'snapshot');
    for (const at of [sealed.length - 1, sealed.length - 2 * 1024 * 1024, readSealedHeader(sealed)!.bodyStart + 10]) {
      const changed = Buffer.from(sealed);
      changed[at]! ^= 0x01;
      let caught: unknown;
      try {
        openImage(changed, key, 'Snapshot 5');
      } catch (error) {
        caught = error;
      }
      expect(caught, `byte ${at}`).toBeInstanceOf(Error);
      expect(caught).not.toBeInstanceOf(WrongKeyError);
      expect((caught as Error).message).toMatch(/Snapshot 5: chunk \d+ (fails authentication|is larger)/);
    }
    // The last chunk dropped: the one before it is not marked last, so it fails too.
    const cut = sealed.subarray(0, sealed.length - (image.length % (1024 * 1024)) - 32);
    expect(() => openImage(cut, key, 'Snapshot 5')).toThrow(/missing|cut off|authentication/);
  });

  it('passes a plain (unencrypted) image through unchanged', () => {
    expect(openImage(image, null, 'x')).toBe(image);
    expect(openImage(image, newDataKey(), 'x')).toBe(image);
  });
});

describe('seal / open', () => {
  it('uses a fresh nonce each time and refuses other additional data', () => {
    const key = newDataKey();
    const a = seal(key, Buffer.from('same'), Buffer.from('aad'));
    const b = seal(key, Buffer.from('same'), Buffer.from('aad'));
    expect(a.equals(b)).toBe(false);
    expect(open(key, a, Buffer.from('aad')).toString()).toBe('same');
    expect(() => open(key, a, Buffer.from('other'))).toThrow();
  });
});
