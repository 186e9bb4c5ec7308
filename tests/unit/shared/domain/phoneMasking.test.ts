// Masking customer numbers (S-6) and normalizing typed numbers.
import { describe, expect, it } from 'vitest';
import { maskPhoneNumber, normalizePhoneNumber } from '../../../../shared/domain/phoneMasking';

describe('maskPhoneNumber', () => {
  it.each([
    ['13800135678', '138****5678'], // China mobile: first 3, last 4
    ['+86 13800135678', '+86 138****5678'],
    ['+8613800135678', '+86 138****5678'],
    ['+86 138-0013-5678', '+86 138****5678'],
    ['138 0013 5678', '138****5678'],
    ['01065521234', '010****1234'], // Beijing landline
    ['65521234', '655*1234'], // 8 digits: still first 3 and last 4
    ['5521234', '*****34'], // under 8: only the last 2
    ['95588', '***88'],
    ['12', '**'], // never shown whole
    ['+86 10086', '+86 ***86'],
    ['+442071234567', '+442*****4567'], // other country codes count towards the 7
    ['sip:13800135678@pbx.example.com', 'sip:138****5678@pbx.example.com'],
    ['sip:+8613800135678@carrier.example;user=phone', 'sip:+86 138****5678@carrier.example;user=phone'],
    ['sip:alice@example.com', 'sip:***ce@example.com'],
    ['sips:customer.service@example.com', 'sips:cus*********vice@example.com'],
    ['tel:+8613800135678', 'tel:+86 138****5678'],
    ['sip:203.0.113.5', 'sip:203****13.5'], // no user part: the device address is masked
    ['anonymous', 'anonymous'],
    ['', ''],
  ])('%j → %j', (number, masked) => {
    expect(maskPhoneNumber(number)).toBe(masked);
  });

  it('never reveals more than 7 digits of the subscriber number, and always hides one', () => {
    const digits = '98765432101234567890';
    for (let n = 1; n <= digits.length; n++) {
      for (const prefix of ['', '+', '+86 ']) {
        const masked = maskPhoneNumber(prefix + digits.slice(0, n));
        const subscriber = prefix === '+86 ' ? masked.replace(/^\+86 /, '') : masked;
        expect(subscriber.replace(/\D/g, '').length, masked).toBeLessThanOrEqual(7);
        expect(masked, masked).toContain('*');
      }
    }
  });
});

describe('normalizePhoneNumber', () => {
  it.each([
    ['+86 (138) 0013-5678', '+8613800135678'],
    ['138 0013 5678', '13800135678'],
    ['(010) 6552-1234', '01065521234'],
    ['  110  ', '110'],
    ['１３８００１３５６７８', '13800135678'], // full-width digits from a Chinese input method
    ['＋８６\u3000１３８００１３５６７８', '+8613800135678'],
    ['12345678901234567890', '12345678901234567890'],
  ])('%j → %j', (input, normalized) => {
    expect(normalizePhoneNumber(input)).toBe(normalized);
  });

  it.each([
    ['', /Enter a phone number/],
    ['   ', /Enter a phone number/],
    ['138abc5678', /contains letters/],
    ['400-800-八八八八', /contains letters/],
    ['12', /too short .* 2 digits, at least 3/],
    ['123456789012345678901', /too long .* 21 digits, at most 20/],
    ['138+0013', /a \+ is allowed only at the start/],
    ['138.0013.5678', /"\." is not allowed/],
    ['138*5678', /"\*" is not allowed/],
    ['(010 6552', /parentheses do not match/],
    ['010) (6552', /parentheses do not match/],
    ['((010)) 6552', /parentheses do not match/],
    ['+0086 138', /never starts with 0/],
  ])('%j is refused', (input, message) => {
    expect(() => normalizePhoneNumber(input)).toThrow(message);
  });
});
