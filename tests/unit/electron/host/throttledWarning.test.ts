// Issue 12: a peer cannot flood the log: the first warning of a kind is written, repeats within the
// window are counted and reported with the next one written.
import { expect, it } from 'vitest';
import type { Logger } from '../../../../electron/core/kernel/platformPorts';
import { createThrottledWarning } from '../../../../electron/host/throttledWarning';
import { FakeClock } from '../../../support/fakeClock';

it('writes the first of each kind, counts repeats in the window and reports them with the next', () => {
  const clock = new FakeClock();
  const lines: Array<[string, Record<string, unknown> | undefined]> = [];
  const logger: Logger = { info: () => undefined, warn: (m, d) => lines.push([m, d]), error: () => undefined };
  const warn = createThrottledWarning(logger, { windowMs: 10_000, now: () => clock.monotonicNow() });

  warn('reset', 'peer reset', { code: 'ECONNRESET' });
  for (let i = 0; i < 500; i++) warn('reset', 'peer reset', { code: 'ECONNRESET' });
  warn('slow', 'slow client');
  clock.advance(10_000);
  warn('reset', 'peer reset', { code: 'ECONNRESET' });
  clock.advance(10_000);
  warn('reset', 'peer reset', { code: 'ECONNRESET' });

  expect(lines).toEqual([
    ['peer reset', { code: 'ECONNRESET' }],
    ['slow client', undefined],
    ['peer reset', { code: 'ECONNRESET', alsoSinceLastReport: 500 }],
    ['peer reset', { code: 'ECONNRESET' }],
  ]);
});
