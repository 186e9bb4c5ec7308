// Composition root shared by both hosts: builds the services over the ports a host passes in.
import { AgentStateService } from './agentStateService';
import { createDispatcher, type ApiHandlers, type Dispatch } from './dispatcher';
import { EventHub } from './eventHub';
import type { CorePorts } from './ports';

export interface Core {
  dispatch: Dispatch;
  eventHub: EventHub;
  agentState: AgentStateService;
  close(): Promise<void>;
}

export async function createCore(ports: CorePorts): Promise<Core> {
  const eventHub = new EventHub();
  const agentState = await AgentStateService.open(ports, eventHub);

  const handlers: ApiHandlers = {
    getAppInfo: () => ({ ...ports.hostInfo }),
    getAgentState: () => agentState.view(),
    setAgentState: ({ state }) => agentState.set(state),
  };

  return {
    dispatch: createDispatcher(handlers, ports.logger),
    eventHub,
    agentState,
    close: async () => {},
  };
}
