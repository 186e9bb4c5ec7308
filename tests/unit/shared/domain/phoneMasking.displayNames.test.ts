// S-6: display names that are (or hold) phone numbers are masked like numbers for masked roles.
import { describe, expect, it } from 'vitest';
import { maskDisplayName } from '../../../../shared/domain/phoneMasking';

describe('maskDisplayName', () => {
  it('masks a name that is a number, in any of the ways people write one', () => {
    expect(maskDisplayName('13812345678')).toBe('138****5678');
    expect(maskDisplayName('+86 138 1234 5678')).toBe('+86 138****5678');
    expect(maskDisplayName('(021) 6552-0000')).toBe('021****0000');
    expect(maskDisplayName('sip:13812345678@pbx.example.com')).toBe('sip:138****5678@pbx.example.com');
  });
  it('masks a phone-length digit run inside a name and leaves the rest', () => {
    expect(maskDisplayName('Zhang 138-1234-5678')).toBe('Zhang 138****5678');
    expect(maskDisplayName('王芳13812345678')).toBe('王芳138****5678');
  });
  it('leaves ordinary names, and short digit runs such as a room or order number, as they are', () => {
    expect(maskDisplayName('王芳')).toBe('王芳');
    expect(maskDisplayName('Room 1203')).toBe('Room 1203');
    expect(maskDisplayName('Agent 007')).toBe('Agent 007');
  });
});
