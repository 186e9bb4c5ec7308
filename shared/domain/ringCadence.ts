// Ring cadences and ring arithmetic (S-1.3: rings are counted from the moment the call starts
// alerting the agent). Ring n is the ring whose cadence cycle contains the elapsed time, so with a
// 5 s cycle 0–4.999 s is ring 1 and 15.000 s is already ring 4.

export type RingCadence =
  | { kind: 'china' } // 1 s on, 4 s off (the default)
  | { kind: 'northAmerica' } // 2 s on, 4 s off
  | { kind: 'uk' } // double ring: 0.4 on, 0.2 off, 0.4 on, 2.0 off
  | { kind: 'custom'; onMs: number; offMs: number };

export const defaultRingCadence: RingCadence = { kind: 'china' };

/** Length of one ring cycle in ms: one "ring" in the S-1.1 sense. */
export function ringCycleMs(cadence: RingCadence): number {
  switch (cadence.kind) {
    case 'china':
      return 5_000;
    case 'northAmerica':
      return 6_000;
    case 'uk':
      return 3_000;
    case 'custom':
      if (!(cadence.onMs > 0) || !(cadence.offMs >= 0)) throw new Error('A custom ring cadence needs onMs > 0 and offMs >= 0.');
      return cadence.onMs + cadence.offMs;
  }
}

/** The ring (1-based) in progress after `elapsedMs` of alerting. */
export function ringNumberAt(elapsedMs: number, cadence: RingCadence): number {
  if (elapsedMs < 0) throw new Error('Elapsed time cannot be negative.');
  return Math.floor(elapsedMs / ringCycleMs(cadence)) + 1;
}

/** When ring `n` starts, in ms after alerting began (ring 1 starts at 0). */
export function ringBoundaryMs(n: number, cadence: RingCadence): number {
  if (!Number.isInteger(n) || n < 1) throw new Error('Rings are numbered from 1.');
  return (n - 1) * ringCycleMs(cadence);
}
