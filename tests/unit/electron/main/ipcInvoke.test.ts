// The IPC method body end to end in Node: a call from our page reaches the dispatcher (issue 12:
// before, every call answered FORBIDDEN); a call from anywhere else never does.
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/contract/envelope';
import type { Dispatch } from '../../../../electron/core/kernel/dispatcher';
import type { CallerContext } from '../../../../electron/core/kernel/caller';
import { ipcInvokeHandler } from '../../../../electron/main/ipcInvoke';

const caller: CallerContext = { role: 'agent', userId: 'local' };

function recordingDispatch() {
  const calls: Array<{ method: unknown; payload: unknown; caller: CallerContext }> = [];
  const dispatch: Dispatch = async (method, payload, who) => {
    calls.push({ method, payload, caller: who });
    return { ok: true, value: { echoed: payload } };
  };
  return { calls, dispatch };
}

describe('ipcInvokeHandler', () => {
  it('passes a call from the main frame of app://deskline/index.html to the dispatcher', async () => {
    const { calls, dispatch } = recordingDispatch();
    const handler = ipcInvokeHandler(dispatch, 'getSoftphoneState', caller);
    const reply = await handler({ senderFrame: { url: 'app://deskline/index.html', origin: 'app://deskline', parent: null } }, { x: 1 });
    expect(reply).toEqual({ ok: true, value: { echoed: { x: 1 } } });
    expect(calls).toEqual([{ method: 'getSoftphoneState', payload: { x: 1 }, caller }]);
  });

  it('answers FORBIDDEN and dispatches nothing for a subframe, another origin or a gone frame', async () => {
    const { calls, dispatch } = recordingDispatch();
    const handler = ipcInvokeHandler(dispatch, 'getSoftphoneState', caller);
    const top = { url: 'app://deskline/index.html', origin: 'app://deskline', parent: null };
    const frames = [
      { url: 'app://deskline/index.html', origin: 'app://deskline', parent: top },
      { url: 'https://evil.example/', origin: 'https://evil.example', parent: null },
      { url: 'file:///tmp/index.html', origin: 'file://', parent: null },
      null,
    ];
    for (const senderFrame of frames) {
      const reply: Envelope<unknown> = await handler({ senderFrame }, {});
      expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame.' } });
    }
    expect(calls).toEqual([]);
  });
});
