// Composition root shared by both hosts: builds the services over the ports a host passes in.
import { AgentStateService } from './agentStateService';
import { dataStoreHandlers } from './dataStoreHandlers';
import { createDispatcher, type ApiHandlers, type Dispatch } from './dispatcher';
import { EventHub } from './eventHub';
import type { CorePorts } from './ports';
import { createSoftphone, softphoneHandlers, type Softphone } from './softphoneHandlers';

export interface Core {
  dispatch: Dispatch;
  eventHub: EventHub;
  agentState: AgentStateService;
  softphone: Softphone | null;
  close(): Promise<void>;
}

export async function createCore(ports: CorePorts): Promise<Core> {
  const eventHub = new EventHub();
  const agentState = await AgentStateService.open(ports, eventHub);
  const softphone = ports.softphone ? await createSoftphone({ ...ports, softphone: ports.softphone }, eventHub) : null;

  const handlers: ApiHandlers = {
    getAppInfo: () => ({ ...ports.hostInfo }),
    getAgentState: () => agentState.view(),
    setAgentState: ({ state }) => agentState.set(state),
    ...softphoneHandlers(softphone),
    ...dataStoreHandlers(ports.dataStore),
  };

  return {
    dispatch: createDispatcher(handlers, ports.logger),
    eventHub,
    agentState,
    softphone,
    close: async () => {
      await softphone?.service.close();
    },
  };
}
