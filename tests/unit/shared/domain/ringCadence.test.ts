// Ring arithmetic at the boundaries the standard is judged on (S-1.1, S-1.3); values worked out by hand.
import { describe, expect, it } from 'vitest';
import { defaultRingCadence, isRingToneOnAt, ringBoundaryMs, ringCycleMs, ringNumberAt, ringPattern } from '../../../../shared/domain/ringCadence';

const china = { kind: 'china' } as const;

describe('ring cadences (S-1.3)', () => {
  it('S-1.3: China is the default', () => {
    expect(defaultRingCadence).toEqual({ kind: 'china' });
  });

  it('S-1.3: have the cycle lengths of their tone plans (1+4, 2+4, 0.4+0.2+0.4+2.0, on+off)', () => {
    expect(ringCycleMs(china)).toBe(5_000);
    expect(ringCycleMs({ kind: 'northAmerica' })).toBe(6_000);
    expect(ringCycleMs({ kind: 'uk' })).toBe(3_000);
    expect(ringCycleMs({ kind: 'custom', onMs: 1_500, offMs: 3_500 })).toBe(5_000);
    expect(ringCycleMs({ kind: 'custom', onMs: 2_000, offMs: 0 })).toBe(2_000);
  });

  it('UK is a double ring', () => {
    expect(ringPattern({ kind: 'uk' })).toEqual([
      { on: true, ms: 400 },
      { on: false, ms: 200 },
      { on: true, ms: 400 },
      { on: false, ms: 2_000 },
    ]);
  });

  it('refuses a custom cadence with no ring, a negative pause or a non-number', () => {
    expect(() => ringCycleMs({ kind: 'custom', onMs: 0, offMs: 3_000 })).toThrow('onMs > 0');
    expect(() => ringCycleMs({ kind: 'custom', onMs: 1_000, offMs: -1 })).toThrow('offMs >= 0');
    expect(() => ringCycleMs({ kind: 'custom', onMs: Number.NaN, offMs: 1_000 })).toThrow('onMs > 0');
    expect(() => ringCycleMs({ kind: 'custom', onMs: 1_000, offMs: Number.POSITIVE_INFINITY })).toThrow('offMs >= 0');
  });
});

describe('ringNumberAt (S-1.3: counted from the start of alerting)', () => {
  it('S-1.3: is ring 1 from the first instant to just before 5 s', () => {
    expect(ringNumberAt(0, china)).toBe(1);
    expect(ringNumberAt(4_999.999, china)).toBe(1);
    expect(ringNumberAt(5_000, china)).toBe(2);
  });

  it('S-1.1: is ring 3, within the standard, at 14.999 s and ring 4, missed, at 15.000 s', () => {
    expect(ringNumberAt(10_000, china)).toBe(3);
    expect(ringNumberAt(14_999, china)).toBe(3);
    expect(ringNumberAt(14_999.999, china)).toBe(3);
    expect(ringNumberAt(15_000, china)).toBe(4);
  });

  it('S-1.3: follows the other cadences (6 s and 3 s cycles)', () => {
    // North America: ring 3 starts at 2 × 6 s = 12 s.
    expect(ringNumberAt(11_999, { kind: 'northAmerica' })).toBe(2);
    expect(ringNumberAt(12_000, { kind: 'northAmerica' })).toBe(3);
    // UK: ring 4 starts at 3 × 3 s = 9 s; the 0.2 s gap inside a double ring is not a new ring.
    expect(ringNumberAt(500, { kind: 'uk' })).toBe(1);
    expect(ringNumberAt(8_999, { kind: 'uk' })).toBe(3);
    expect(ringNumberAt(9_000, { kind: 'uk' })).toBe(4);
    // Custom 1.5 + 2.5 = 4 s: ring 4 starts at 12 s.
    expect(ringNumberAt(12_000, { kind: 'custom', onMs: 1_500, offMs: 2_500 })).toBe(4);
  });

  it('refuses negative or non-finite time', () => {
    expect(() => ringNumberAt(-1, china)).toThrow('negative');
    expect(() => ringNumberAt(Number.NaN, china)).toThrow('finite');
  });
});

describe('ringBoundaryMs (S-1.3: ring n starts at (n-1) × cycle)', () => {
  it('gives when each ring starts', () => {
    expect(ringBoundaryMs(1, china)).toBe(0);
    expect(ringBoundaryMs(3, china)).toBe(10_000);
    expect(ringBoundaryMs(4, china)).toBe(15_000);
    expect(ringBoundaryMs(7, china)).toBe(30_000);
    expect(ringBoundaryMs(4, { kind: 'northAmerica' })).toBe(18_000);
    expect(ringBoundaryMs(4, { kind: 'uk' })).toBe(9_000);
  });

  it('agrees with ringNumberAt at and just before every boundary', () => {
    for (let n = 2; n <= 10; n++) {
      expect(ringNumberAt(ringBoundaryMs(n, china), china)).toBe(n);
      expect(ringNumberAt(ringBoundaryMs(n, china) - 0.001, china)).toBe(n - 1);
    }
  });

  it('refuses ring 0 and fractional rings', () => {
    expect(() => ringBoundaryMs(0, china)).toThrow('numbered from 1');
    expect(() => ringBoundaryMs(1.5, china)).toThrow('numbered from 1');
  });
});

describe('isRingToneOnAt', () => {
  it('sounds during the on parts of each cycle only', () => {
    expect(isRingToneOnAt(0, china)).toBe(true);
    expect(isRingToneOnAt(999, china)).toBe(true);
    expect(isRingToneOnAt(1_000, china)).toBe(false);
    expect(isRingToneOnAt(5_000, china)).toBe(true); // ring 2 begins
    // UK: on 0–400, off 400–600, on 600–1000, off 1000–3000.
    const uk = { kind: 'uk' } as const;
    expect([0, 399, 400, 599, 600, 999, 1_000, 2_999, 3_000].map((t) => isRingToneOnAt(t, uk))).toEqual([
      true, true, false, false, true, true, false, false, true,
    ]);
  });
});
