// The S-6 retention cutoff: N calendar months before now (UTC), the day clamped to a shorter month.
import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../../../../electron/core/retention/retentionCutoff';

describe('retentionCutoff (S-6)', () => {
  it('goes back whole calendar months at the same time of day', () => {
    expect(retentionCutoff(Date.UTC(2026, 10, 23, 1, 2, 3, 4), 6)).toBe(Date.UTC(2026, 4, 23, 1, 2, 3, 4));
    expect(retentionCutoff(Date.UTC(2026, 10, 23), 12)).toBe(Date.UTC(2025, 10, 23));
  });
  it('crosses year boundaries', () => {
    expect(retentionCutoff(Date.UTC(2026, 1, 10), 3)).toBe(Date.UTC(2025, 10, 10));
    expect(retentionCutoff(Date.UTC(2026, 1, 10), 120)).toBe(Date.UTC(2016, 1, 10));
  });
  it('clamps the day to the end of a shorter month, leap years included', () => {
    expect(retentionCutoff(Date.UTC(2026, 2, 31, 8), 1)).toBe(Date.UTC(2026, 1, 28, 8));
    expect(retentionCutoff(Date.UTC(2028, 2, 31), 1)).toBe(Date.UTC(2028, 1, 29));
    expect(retentionCutoff(Date.UTC(2026, 4, 31), 1)).toBe(Date.UTC(2026, 3, 30));
  });
});
