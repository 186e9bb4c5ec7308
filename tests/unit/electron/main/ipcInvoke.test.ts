// The IPC method body end to end in Node: a call from our page reaches its window's connection
// (issue 12: before, every call answered FORBIDDEN); a call from anywhere else never does.
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/contract/envelope';
import { ipcInvokeHandler, type ConnectionDoor } from '../../../../electron/main/ipcInvoke';

function recordingDispatch() {
  const calls: Array<{ method: unknown; payload: unknown }> = [];
  const door: ConnectionDoor = {
    dispatch: async (method, payload) => {
      calls.push({ method, payload });
      return { ok: true, value: { echoed: payload } };
    },
  };
  return { calls, dispatch: () => door };
}

describe('ipcInvokeHandler', () => {
  it('passes a call from the main frame of app://deskline/index.html to the dispatcher', async () => {
    const { calls, dispatch } = recordingDispatch();
    const handler = ipcInvokeHandler(dispatch, 'getSoftphoneState');
    const reply = await handler({ senderFrame: { url: 'app://deskline/index.html', origin: 'app://deskline', parent: null } }, { x: 1 });
    expect(reply).toEqual({ ok: true, value: { echoed: { x: 1 } } });
    expect(calls).toEqual([{ method: 'getSoftphoneState', payload: { x: 1 } }]);
  });

  it('answers FORBIDDEN and dispatches nothing for a subframe, another origin or a gone frame', async () => {
    const { calls, dispatch } = recordingDispatch();
    const handler = ipcInvokeHandler(dispatch, 'getSoftphoneState');
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
