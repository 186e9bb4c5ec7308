// Ring arithmetic at the boundaries the standard is judged on (S-1.1, S-1.3).
import { describe, expect, it } from 'vitest';
import { ringBoundaryMs, ringCycleMs, ringNumberAt } from '../../../shared/domain/ringCadence';

describe('ring cadences', () => {
  it('have the cycle lengths of their tone plans', () => {
    expect(ringCycleMs({ kind: 'china' })).toBe(5_000);
    expect(ringCycleMs({ kind: 'northAmerica' })).toBe(6_000);
    expect(ringCycleMs({ kind: 'uk' })).toBe(3_000);
    expect(ringCycleMs({ kind: 'custom', onMs: 1_500, offMs: 3_500 })).toBe(5_000);
    expect(() => ringCycleMs({ kind: 'custom', onMs: 0, offMs: 3_000 })).toThrow('onMs > 0');
  });
});

describe('ringNumberAt (S-1.3: counted from the start of alerting)', () => {
  const china = { kind: 'china' } as const;
  it('is ring 1 from the first instant', () => {
    expect(ringNumberAt(0, china)).toBe(1);
    expect(ringNumberAt(4_999.999, china)).toBe(1);
  });
  it('is ring 3, within the standard, at 14.999 s and ring 4, missed, at 15.000 s (S-1.1)', () => {
    expect(ringNumberAt(14_999, china)).toBe(3);
    expect(ringNumberAt(15_000, china)).toBe(4);
  });
  it('follows other cadences', () => {
    expect(ringNumberAt(11_999, { kind: 'northAmerica' })).toBe(2);
    expect(ringNumberAt(12_000, { kind: 'northAmerica' })).toBe(3);
    expect(ringNumberAt(8_999, { kind: 'uk' })).toBe(3);
    expect(ringNumberAt(9_000, { kind: 'uk' })).toBe(4);
  });
  it('refuses negative time', () => {
    expect(() => ringNumberAt(-1, china)).toThrow('negative');
  });
});

describe('ringBoundaryMs', () => {
  it('gives when each ring starts', () => {
    expect(ringBoundaryMs(1, { kind: 'china' })).toBe(0);
    expect(ringBoundaryMs(4, { kind: 'china' })).toBe(15_000);
    expect(ringBoundaryMs(7, { kind: 'china' })).toBe(30_000);
    expect(() => ringBoundaryMs(0, { kind: 'china' })).toThrow('numbered from 1');
  });
});
