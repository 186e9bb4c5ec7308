// The single-instance decisions (app.requestSingleInstanceLock, 'second-instance'; docs/api/app.md).
import { describe, expect, it } from 'vitest';
import { lockRefusedMessage, secondInstanceSteps } from '../../../../electron/main/singleInstance';

describe('single instance', () => {
  it('says on one line which data folder is taken, and that this copy exits', () => {
    const line = lockRefusedMessage('/home/agent/.deskline');
    expect(line).toContain('/home/agent/.deskline');
    expect(line).toMatch(/already running/);
    expect(line).toMatch(/exiting/);
    expect(line).not.toContain('\n');
  });

  it('brings an existing window forward: restore if minimised, show if hidden, always focus', () => {
    expect(secondInstanceSteps({ exists: true, minimized: false, visible: true })).toEqual(['focus']);
    expect(secondInstanceSteps({ exists: true, minimized: true, visible: true })).toEqual(['restore', 'focus']);
    expect(secondInstanceSteps({ exists: true, minimized: false, visible: false })).toEqual(['show', 'focus']);
    expect(secondInstanceSteps({ exists: true, minimized: true, visible: false })).toEqual(['restore', 'show', 'focus']);
  });

  it('opens a window when there is none (macOS keeps running with every window closed)', () => {
    expect(secondInstanceSteps({ exists: false })).toEqual(['open']);
  });
});
