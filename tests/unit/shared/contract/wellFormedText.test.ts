// Lone surrogates are found wherever they sit in a parsed request; well-formed text, emoji
// (proper surrogate pairs) and Chinese included, passes.
import { describe, expect, it } from 'vitest';
import { findIllFormedText, hasLoneSurrogate } from '../../../../shared/contract/wellFormedText';

describe('hasLoneSurrogate', () => {
  it('accepts well-formed text, pairs included', () => {
    for (const text of ['', 'plain', '退款申请', '😀👨‍👩‍👧', '\uD83D\uDE00', 'tab\tand\nnewline', '\uFFFD']) expect(hasLoneSurrogate(text), text).toBe(false);
  });

  it('finds a high or low surrogate without its partner, anywhere in the text', () => {
    for (const text of ['\uD800', 'a\uD800', '\uD800b', '\uDC00', 'x\uDC00y', '\uDE00\uD83D', '😀\uD83D']) expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(true);
  });
});

describe('findIllFormedText', () => {
  it('names the path of the first ill-formed string in objects and arrays', () => {
    expect(findIllFormedText({ name: 'ok', numbers: [{ number: '123' }, { label: 'x\uD800' }] })).toBe('numbers.1.label');
    expect(findIllFormedText(['ok', '\uDC00'])).toBe('1');
    expect(findIllFormedText('\uD800')).toBe('(the request)');
  });

  it('returns null when every string is well-formed, whatever else the value holds', () => {
    expect(findIllFormedText({ a: 1, b: null, c: [true, { d: '退款 😀' }], e: undefined })).toBeNull();
    expect(findIllFormedText(null)).toBeNull();
  });
});
