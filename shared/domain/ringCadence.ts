// Ring cadences and ring arithmetic (S-1.3: rings are counted from the moment the call starts
// alerting the agent). Ring n is the ring whose cadence cycle contains the elapsed time, so with a
// 5 s cycle 0–4.999 s is ring 1 and 15.000 s is already ring 4.

export type RingCadence =
  | { kind: 'china' } // 1 s on, 4 s off (the default)
  | { kind: 'northAmerica' } // 2 s on, 4 s off
  | { kind: 'uk' } // double ring: 0.4 on, 0.2 off, 0.4 on, 2.0 off
  | { kind: 'custom'; onMs: number; offMs: number };

export type RingCadenceKind = RingCadence['kind'];

/** S-1.3: China's cadence is the default setting. */
export const defaultRingCadence: RingCadence = { kind: 'china' };

/** One stretch of a cadence: the ring tone sounding (`on`) or silent, for `ms`. */
export interface RingSegment {
  readonly on: boolean;
  readonly ms: number;
}

// Whole milliseconds, so cycle sums are exact (0.4 + 0.2 + 0.4 + 2.0 s in floating-point seconds is not 3).
const presetPatterns: Record<Exclude<RingCadenceKind, 'custom'>, readonly RingSegment[]> = {
  china: [
    { on: true, ms: 1_000 },
    { on: false, ms: 4_000 },
  ],
  northAmerica: [
    { on: true, ms: 2_000 },
    { on: false, ms: 4_000 },
  ],
  uk: [
    { on: true, ms: 400 },
    { on: false, ms: 200 },
    { on: true, ms: 400 },
    { on: false, ms: 2_000 },
  ],
};

/** The on/off pattern of one ring cycle (for playing the ring tone in step with the count). */
export function ringPattern(cadence: RingCadence): readonly RingSegment[] {
  if (cadence.kind !== 'custom') return presetPatterns[cadence.kind];
  // Checked here because a custom cadence comes from a setting a person typed.
  if (!Number.isFinite(cadence.onMs) || !(cadence.onMs > 0) || !Number.isFinite(cadence.offMs) || !(cadence.offMs >= 0)) {
    throw new RangeError(`A custom ring cadence needs onMs > 0 and offMs >= 0 (got onMs ${cadence.onMs}, offMs ${cadence.offMs}).`);
  }
  return [
    { on: true, ms: cadence.onMs },
    { on: false, ms: cadence.offMs },
  ];
}

/** Length of one ring cycle in ms: one "ring" in the S-1.1 sense. */
export function ringCycleMs(cadence: RingCadence): number {
  return ringPattern(cadence).reduce((sum, segment) => sum + segment.ms, 0);
}

/** The ring (1-based) in progress after `elapsedMs` of alerting (S-1.3). */
export function ringNumberAt(elapsedMs: number, cadence: RingCadence): number {
  if (!Number.isFinite(elapsedMs) || elapsedMs < 0) throw new RangeError(`Elapsed time must be a finite number >= 0 (got ${elapsedMs}); it cannot be negative.`);
  return Math.floor(elapsedMs / ringCycleMs(cadence)) + 1;
}

/** When ring `n` starts, in ms after alerting began: (n-1) × cycle (S-1.3; ring 1 starts at 0). */
export function ringBoundaryMs(n: number, cadence: RingCadence): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Rings are numbered from 1 (got ${n}).`);
  return (n - 1) * ringCycleMs(cadence);
}

/** Whether the ring tone sounds at `elapsedMs` (segment ends are exclusive: at 1.000 s China is silent). */
export function isRingToneOnAt(elapsedMs: number, cadence: RingCadence): boolean {
  let offset = elapsedMs - ringBoundaryMs(ringNumberAt(elapsedMs, cadence), cadence);
  for (const segment of ringPattern(cadence)) {
    if (offset < segment.ms) return segment.on;
    offset -= segment.ms;
  }
  // Only reachable through floating-point rounding at the very end of a cycle, which ends silent
  // in every cadence with a pause.
  return false;
}
