// Issue 12: how the store starts its rebuild process in each host, from the values Electron
// documents: process.versions.electron is set in every process its binary runs; process.type is
// 'browser' in the main process and 'utility' in a utility process; with ELECTRON_RUN_AS_NODE set
// the binary runs as plain Node and process.type stays undefined.
import { describe, expect, it } from 'vitest';
import { chooseRebuildLaunch, currentRebuildRuntime } from '../../../../../../electron/adapters/store/engine/rebuildLauncher';

const node = { electronVersion: undefined, processType: undefined, runAsNode: undefined };
const electronMain = { electronVersion: '41.7.1', processType: 'browser', runAsNode: undefined };
const electronAsNode = { electronVersion: '41.7.1', processType: undefined, runAsNode: '1' };

describe('chooseRebuildLaunch', () => {
  it('forks under plain Node (the web host, the CLIs, the tests)', () => {
    expect(chooseRebuildLaunch({ ...node, injected: false })).toBe('fork');
  });

  it("uses the launcher Electron's main process injects (a utility process)", () => {
    expect(chooseRebuildLaunch({ ...electronMain, injected: true })).toBe('injected');
  });

  it("falls back to a worker thread in Electron's main process without one: its fork depends on the RunAsNode fuse", () => {
    expect(chooseRebuildLaunch({ ...electronMain, injected: false })).toBe('workerThread');
    // Even with the variable inherited from a shell, the main process is not running as Node.
    expect(chooseRebuildLaunch({ ...electronMain, runAsNode: '1', injected: false })).toBe('workerThread');
  });

  it('forks when Electron runs as Node: the child inherits ELECTRON_RUN_AS_NODE', () => {
    expect(chooseRebuildLaunch({ ...electronAsNode, injected: false })).toBe('fork');
  });

  it('does not take an empty ELECTRON_RUN_AS_NODE for Node mode', () => {
    expect(chooseRebuildLaunch({ ...electronAsNode, runAsNode: '', injected: false })).toBe('workerThread');
  });

  it('falls back to a worker thread in an Electron utility process', () => {
    expect(chooseRebuildLaunch({ electronVersion: '41.7.1', processType: 'utility', runAsNode: undefined, injected: false })).toBe('workerThread');
  });

  it('reads this process: plain Node here', () => {
    expect(currentRebuildRuntime(false)).toEqual({ electronVersion: undefined, processType: undefined, runAsNode: process.env.ELECTRON_RUN_AS_NODE, injected: false });
  });
});
