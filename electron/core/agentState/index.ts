// The agent's state (ready, not ready for a reason, offline…): its contract methods, its service,
// and its history for team leads. Other features read the current state through `service`.
import { parseExportRange } from '../../../shared/domain/exportRange';
import type { Feature, Kernel } from '../kernel/feature';
import { AgentStateService } from './agentStateService';
import type { AgentStatePorts } from './ports';

export type { AgentStateService } from './agentStateService';

export interface AgentStateFeature extends Feature<'getAgentState' | 'setAgentState' | 'getAgentStateTotals'> {
  service: AgentStateService;
}

export async function createAgentState(kernel: Kernel, ports: AgentStatePorts): Promise<AgentStateFeature> {
  const service = await AgentStateService.open(kernel.clock, ports.repository, kernel.eventHub);
  return {
    service,
    handlers: {
      getAgentState: () => service.view(),
      setAgentState: ({ state }) => service.set(state),
      getAgentStateTotals: ({ from, to }) => {
        const range = parseExportRange(from, to); // checked by the contract already
        return ports.totals(range.fromWall, range.toWallExclusive);
      },
    },
    close: () => undefined,
  };
}
