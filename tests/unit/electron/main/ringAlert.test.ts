// The always-on-top ring alert the Electron shell relies on, tested without Electron: a ring must
// never go unseen.
import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { CallView } from '../../../../shared/contract/softphone';
import { EventHub } from '../../../../electron/core/kernel/eventHub';
import { eventViewFor } from '../../../../electron/core/softphone';
import { bindRingAlert } from '../../../../electron/main/ringAlert';

function view(callId: string, phase: CallView['phase'], extra: Partial<CallView> = {}): CallView {
  const stamp = { monotonic: 0, wall: 0 };
  return {
    callId,
    direction: 'inbound',
    phase,
    remote: { number: '3001', name: null },
    muted: false,
    waiting: false,
    consultFor: null,
    transfer: null,
    offeredAt: stamp,
    ringingAt: stamp,
    answeredAt: null,
    endedAt: null,
    end: null,
    ...extra,
  };
}

/** The parts of a BrowserWindow the alert touches, recording what was done to it. */
function fakeWindow(state: { minimized?: boolean; visible?: boolean; focused?: boolean }) {
  const calls: string[] = [];
  const win = {
    isDestroyed: () => false,
    isMinimized: () => state.minimized ?? false,
    isVisible: () => state.visible ?? true,
    isFocused: () => state.focused ?? false,
    restore: () => calls.push('restore'),
    setAlwaysOnTop: (on: boolean) => calls.push(`alwaysOnTop ${on}`),
    showInactive: () => calls.push('showInactive'),
    flashFrame: (on: boolean) => calls.push(`flash ${on}`),
  };
  return { win: win as unknown as BrowserWindow, calls };
}

describe('ring alert (Electron shell)', () => {
  it('brings a minimised window back on top without focus while a call rings, and lets go when it stops', () => {
    const hub = new EventHub(eventViewFor(null));
    const { win, calls } = fakeWindow({ minimized: true, focused: false });
    bindRingAlert(hub, () => win);
    hub.emit('onCallUpdated', view('c1', 'ringing'));
    hub.emit('onCallUpdated', view('c1', 'ringing')); // still ringing: nothing more
    expect(calls).toEqual(['restore', 'alwaysOnTop true', 'showInactive', 'flash true']);
    hub.emit('onCallUpdated', view('c1', 'active'));
    expect(calls.slice(4)).toEqual(['alwaysOnTop false', 'flash false']);
  });

  it('leaves a focused window alone, and ignores outbound calls', () => {
    const hub = new EventHub(eventViewFor(null));
    const focused = fakeWindow({ focused: true });
    bindRingAlert(hub, () => focused.win);
    hub.emit('onCallUpdated', view('c1', 'ringing'));
    expect(focused.calls).toEqual([]);
    const hidden = fakeWindow({ visible: false });
    const other = new EventHub(eventViewFor(null));
    bindRingAlert(other, () => hidden.win);
    other.emit('onCallUpdated', view('c2', 'ringing', { direction: 'outbound' }));
    expect(hidden.calls).toEqual([]);
    other.emit('onCallUpdated', view('c3', 'ringing'));
    expect(hidden.calls).toContain('showInactive');
  });
});
