// Composition root shared by both hosts: builds the services over the ports a host passes in.
import { AgentStateService } from './agentState/agentStateService';
import { callClocksHandlers } from './callClocks/callClocksHandlers';
import { CallClocksService } from './callClocks/callClocksService';
import { CallLogWriter } from './callLog/callLogWriter';
import { callLogHandlers } from './callLog/callLogHandlers';
import { CallLogService } from './callLog/callLogService';
import { CallLogSettingsStore } from './callLog/callLogSettings';
import { WorkingCalendarSettingsStore } from './workingCalendar/workingCalendarSettings';
import { callSearchHandlers } from './callSearch/callSearchHandlers';
import { CallClocksSettingsStore } from './callClocks/callClocksSettings';
import { createCustomerService, customerHandlers } from './customers/customerHandlers';
import { phonePreferenceHandlers } from './phonePreferences/phonePreferencesHandlers';
import { PhonePreferencesService } from './phonePreferences/phonePreferencesService';
import { dataStoreHandlers } from './dataStore/dataStoreHandlers';
import { createDispatcher, type ApiHandlers, type Dispatch } from './kernel/dispatcher';
import { EventHub } from './kernel/eventHub';
import { eventViewFor } from './softphone/softphoneNumberViews';
import { ContractError } from '../../shared/contract/envelope';
import { parseExportRange } from '../../shared/domain/exportRange';
import type { CorePorts } from './ports';
import { ShellNoticesService } from './shellNotices/shellNoticesService';
import { createSoftphone, softphoneHandlers, type Softphone } from './softphone/softphoneHandlers';

export interface Core {
  dispatch: Dispatch;
  eventHub: EventHub;
  agentState: AgentStateService;
  softphone: Softphone | null;
  preferences: PhonePreferencesService;
  clocks: CallClocksService | null;
  recorder: CallLogWriter | null;
  /** Issue 21: the Electron shell reports window restarts here; the page reads them. */
  shellNotices: ShellNoticesService;
  close(): Promise<void>;
}

export async function createCore(ports: CorePorts): Promise<Core> {
  // S-6: the phone is the host user's; each event subscriber sees its numbers as their role may.
  const eventHub = new EventHub(eventViewFor(ports.hostInfo.userId));
  const agentState = await AgentStateService.open(ports, eventHub);
  const softphone = ports.softphone ? await createSoftphone({ ...ports, softphone: ports.softphone }, eventHub) : null;
  const clockSettings = new CallClocksSettingsStore(ports.settings);
  const clocks = softphone
    ? new CallClocksService({ clock: ports.clock, phone: softphone.service, agentState, settings: clockSettings, eventHub, logger: ports.logger })
    : null;
  const preferences = new PhonePreferencesService(ports.settings, eventHub);
  const recorder = softphone && clocks && ports.callLog ? new CallLogWriter(ports.callLog, ports.hostInfo.userId, ports.logger) : null;
  if (recorder && softphone && clocks) {
    // The clocks subscribed first, so a ring outcome is recorded before the event that ended ringing.
    softphone.service.onCallEvent((event) => void recorder.callEvent(event));
    clocks.onRecord((record) => void recorder.clockRecord(record));
  }
  // After the recorder: a screen pop links the call to its customer once the call's row is written.
  const customers = createCustomerService(ports, eventHub, softphone, recorder);

  const callRecordSettings = new CallLogSettingsStore(ports.settings);
  const callRecords = ports.callRecords
    ? new CallLogService({
        repository: ports.callRecords,
        settings: callRecordSettings,
        clock: ports.clock,
        isOpen: (callId) => (softphone?.service.isLive(callId) ?? false) || (clocks?.isWrappingUp(callId) ?? false),
      })
    : null;
  const clockHandlers = callClocksHandlers(clockSettings, clocks, eventHub);
  const workingCalendar = new WorkingCalendarSettingsStore(ports.settings);
  const shellNotices = new ShellNoticesService({ clock: ports.clock, callsUp: () => softphone?.service.hasLiveCalls() ?? false });
  const phoneHandlers = softphoneHandlers(softphone, ports.hostInfo.userId);

  const handlers: ApiHandlers = {
    getAppInfo: () => ({ ...ports.hostInfo }),
    getAgentState: () => agentState.view(),
    setAgentState: ({ state }) => agentState.set(state),
    getAgentStateTotals: async ({ from, to }) => {
      if (!ports.agentStateTotals) throw new ContractError('UNAVAILABLE', 'This host keeps no agent-state history.');
      const range = parseExportRange(from, to); // checked by the contract already
      return ports.agentStateTotals(range.fromWall, range.toWallExclusive);
    },
    ...phoneHandlers,
    // Issue 21: a page that asks for its audio back is listening for media requests again.
    // Told once the handler has dropped the old page's prepared answers, before renegotiation ends.
    reattachMedia: (request, caller) => {
      const reply = phoneHandlers.reattachMedia(request, caller);
      shellNotices.rendererStarted();
      return reply;
    },
    ...dataStoreHandlers(ports.dataStore),
    ...clockHandlers,
    // A required disposition (setting) is checked before the agent may finish wrap-up.
    endWrapUp: async (request, caller) => {
      const callId = clocks?.wrapUpCallId();
      if (callId && callRecords) await callRecords.assertReadyToFinish(callId);
      return clockHandlers.endWrapUp(request, caller);
    },
    ...callLogHandlers(callRecordSettings, callRecords, eventHub),
    getWorkingCalendar: () => workingCalendar.get(),
    saveWorkingCalendar: (request) => {
      const saved = workingCalendar.save(request);
      eventHub.emit('onWorkingCalendarChanged', saved);
      return saved;
    },
    ...callSearchHandlers(ports, { recordSettings: callRecordSettings, softphone }),
    ...phonePreferenceHandlers(preferences, softphone, clocks, clockSettings),
    ...customerHandlers(customers),
    getShellNotices: () => shellNotices.notices(),
    dismissShellNotice: ({ notice }) => shellNotices.dismiss(notice),
  };

  return {
    dispatch: createDispatcher(handlers, ports.logger),
    eventHub,
    agentState,
    softphone,
    preferences,
    clocks,
    recorder,
    shellNotices,
    close: async () => {
      // The phone first: calls it ends on the way down still reach the clocks and the log.
      await softphone?.service.close();
      clocks?.close();
      customers?.close();
      await recorder?.settled();
    },
  };
}

