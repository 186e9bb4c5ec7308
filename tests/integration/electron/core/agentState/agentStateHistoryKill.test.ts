// Issue 22: the agent-state history write goes through the agent-state port and is part of the
// acknowledged change. The real web host is SIGKILLed the moment a change is acknowledged; after
// each kill the store must hold every acknowledged state and the segment each change ended. (The
// history used to be written after the acknowledgement, fire-and-forget; on this machine that
// race closed within the reply's round trip, so the test that fails on the old order is the unit
// test tests/unit/electron/core/agentState/agentStateHistory.test.ts.)
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../../electron/adapters/store/engine/store';
import type { AgentState } from '../../../../../shared/contract/agentState';
import { openContractSocket } from '../../../../support/contractSocket';
import { startWebHost, tempDataDir } from '../../../../support/webHost';

const rounds = 8;
const cycle: AgentState[] = [{ kind: 'ready' }, { kind: 'notReady', reason: 'break' }, { kind: 'ready' }, { kind: 'notReady', reason: 'training' }];

async function storedHistory(dataDir: string) {
  const store = await openStore({ dataDir });
  try {
    const segments = await store.query('SELECT state_kind, reason FROM agent_state_segments ORDER BY id');
    const [current] = await store.query("SELECT state_json FROM agent_state_current WHERE agent_id = 'local'");
    return { segments: segments.map((r) => (r.reason ? `${r.state_kind}:${r.reason}` : String(r.state_kind))), current: current ? JSON.parse(String(current.state_json)) : null };
  } finally {
    await store.close();
  }
}

const label = (state: AgentState) => (state.kind === 'notReady' ? `notReady:${state.reason}` : state.kind);

describe('agent-state history under kill -9', () => {
  it(`keeps each acknowledged change with the segment it ended, across ${rounds} kills`, { timeout: 240_000 }, async () => {
    const dataDir = tempDataDir('deskline-agent-state-kill-');
    const expected: string[] = [];
    let previous = 'offline'; // a new desk starts offline
    for (let round = 1; round <= rounds; round++) {
      const host = await startWebHost({ dataDir, lang: 'en' });
      const socket = await openContractSocket(host);
      const changes = round % 2 === 0 ? cycle.slice(0, 2) : cycle.slice(2);
      for (const state of changes) {
        const reply = await socket.request('setAgentState', { state });
        expect(reply.ok, `round ${round}: setAgentState ${label(state)}`).toBe(true);
        expected.push(previous);
        previous = label(state);
      }
      // Killed the moment the last change is acknowledged: no graceful shutdown, no later write.
      host.process.kill('SIGKILL');
      await new Promise((resolve) => host.process.once('exit', resolve));
      socket.close();
      const stored = await storedHistory(dataDir);
      expect(stored.segments, `round ${round}: one segment per acknowledged change`).toEqual(expected);
      expect(label(stored.current as AgentState), `round ${round}: the current state is the last acknowledged`).toBe(previous);
    }
  });
});
