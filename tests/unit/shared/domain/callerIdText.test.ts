// A caller's name and number from the network: no control or bidi characters, bounded, stable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanCallerName,
  cleanCallerNumber,
  cleanSipText,
  maxCallerNameLength,
  maxCallerNumberLength,
  maxSipTextLength,
  truncationMark,
} from '../../../../shared/domain/callerIdText';

// Everything the cleaner must never let through (control, bidi, invisible, lone surrogates).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const forbidden = /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cleanCallerName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(cleanCallerName('王小明')).toBe('王小明');
    expect(cleanCallerName('J Rosenberg "')).toBe('J Rosenberg "');
  });

  it('removes bidi overrides, isolates and marks that could reorder what the agent reads', () => {
    expect(cleanCallerName('\u202Eevil\u202C \u2066x\u2069\u200E\u200F\u061C')).toBe('evil x');
  });

  it('removes C0/C1 controls and folds line breaks and tabs into single spaces', () => {
    expect(cleanCallerName('BEL:\u0007 NUL:\u0000 DEL:\u007F C1:\u0085\u009B')).toBe('BEL: NUL: DEL: C1:');
    expect(cleanCallerName('two\r\nlines\tand  tabs')).toBe('two lines and tabs');
  });

  it('is null when nothing printable is left, or no name was sent', () => {
    expect(cleanCallerName('\u202E\u0000  \u200B')).toBeNull();
    expect(cleanCallerName('')).toBeNull();
    expect(cleanCallerName(undefined)).toBeNull();
    expect(cleanCallerName(null)).toBeNull();
  });

  it(`cuts a long name to ${maxCallerNameLength} code points, marked, without splitting a surrogate pair`, () => {
    const long = '😀'.repeat(10_000);
    const cleaned = cleanCallerName(long)!;
    expect(Array.from(cleaned)).toHaveLength(maxCallerNameLength);
    expect(cleaned.endsWith(truncationMark)).toBe(true);
    expect(cleaned).not.toMatch(forbidden);
  });

  it('keeps the joiners that scripts and emoji need', () => {
    expect(cleanCallerName('👩\u200D💻')).toBe('👩\u200D💻');
  });

  it('never lets a forbidden character through, stays bounded and is stable (any input)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const name = cleanCallerName(raw);
        if (name === null) return;
        expect(name).not.toMatch(forbidden);
        expect(Array.from(name).length).toBeLessThanOrEqual(maxCallerNameLength);
        expect(name).toBe(name.trim());
        expect(cleanCallerName(name)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cleanCallerNumber', () => {
  it('keeps a number and a SIP user part as they are', () => {
    expect(cleanCallerNumber('+8613800138000')).toBe('+8613800138000');
    expect(cleanCallerNumber('%')).toBe('%');
    expect(cleanCallerNumber('user;par=u@example.net')).toBe('user;par=u@example.net');
  });

  it('removes controls and bidi characters', () => {
    expect(cleanCallerNumber('null-\u0000-null')).toBe('null--null');
    expect(cleanCallerNumber('+86\u202E0001')).toBe('+860001');
  });

  it(`is at most ${maxCallerNumberLength} code points`, () => {
    const cleaned = cleanCallerNumber('1'.repeat(100_000));
    expect(cleaned).toHaveLength(maxCallerNumberLength);
    expect(cleaned.endsWith(truncationMark)).toBe(true);
  });

  it('never lets a forbidden character through and is stable (any input)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const number = cleanCallerNumber(raw);
        expect(number).not.toMatch(forbidden);
        expect(Array.from(number).length).toBeLessThanOrEqual(maxCallerNumberLength);
        expect(cleanCallerNumber(number)).toBe(number);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cleanSipText', () => {
  it('cleans and bounds a reason phrase the same way', () => {
    expect(cleanSipText('Busy \u202Eereh\u202C')).toBe('Busy ereh');
    expect(Array.from(cleanSipText('x'.repeat(1000)))).toHaveLength(maxSipTextLength);
    expect(cleanSipText(undefined)).toBe('');
    expect(cleanSipText('')).toBe('');
  });
});
