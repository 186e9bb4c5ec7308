// Composition root shared by both hosts: builds the services over the ports a host passes in.
import { AgentStateService } from './agentStateService';
import { callClockHandlers } from './callClockHandlers';
import { CallClocksService } from './callClocksService';
import { CallRecorder } from './callRecorder';
import { ClockSettingsStore } from './clockSettings';
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
  clocks: CallClocksService | null;
  recorder: CallRecorder | null;
  close(): Promise<void>;
}

export async function createCore(ports: CorePorts): Promise<Core> {
  const eventHub = new EventHub();
  const agentState = await AgentStateService.open(ports, eventHub);
  const softphone = ports.softphone ? await createSoftphone({ ...ports, softphone: ports.softphone }, eventHub) : null;
  const clockSettings = new ClockSettingsStore(ports.settings);
  const clocks = softphone
    ? new CallClocksService({ clock: ports.clock, phone: softphone.service, agentState, settings: clockSettings, eventHub, logger: ports.logger })
    : null;
  const recorder = softphone && clocks && ports.callLog ? new CallRecorder(ports.callLog, ports.hostInfo.userId, ports.logger) : null;
  if (recorder && softphone && clocks) {
    // The clocks subscribed first, so a ring outcome is recorded before the event that ended ringing.
    softphone.service.onCallEvent((event) => void recorder.callEvent(event));
    clocks.onRecord((record) => void recorder.clockRecord(record));
  }

  const handlers: ApiHandlers = {
    getAppInfo: () => ({ ...ports.hostInfo }),
    getAgentState: () => agentState.view(),
    setAgentState: ({ state }) => agentState.set(state),
    ...softphoneHandlers(softphone),
    ...dataStoreHandlers(ports.dataStore),
    ...callClockHandlers(clockSettings, clocks, eventHub),
  };

  return {
    dispatch: createDispatcher(handlers, ports.logger),
    eventHub,
    agentState,
    softphone,
    clocks,
    recorder,
    close: async () => {
      // The phone first: calls it ends on the way down still reach the clocks and the log.
      await softphone?.service.close();
      clocks?.close();
      await recorder?.settled();
    },
  };
}
