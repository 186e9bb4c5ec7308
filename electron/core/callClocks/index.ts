// The call clocks: the ring counter (S-1.3: answer within three rings), guided hold and wrap-up,
// with their settings. They follow the phone's call events and set the agent's state after
// wrap-up. Other features hear the phone's call events from here, after the clocks (see below).
import type { CallEvent, CallView } from '../../../shared/contract/softphone';
import { Listeners } from '../../../shared/domain/listeners';
import type { AgentStateService } from '../agentState';
import type { Feature, Kernel } from '../kernel/feature';
import type { SoftphoneService } from '../softphone';
import { callClocksHandlers, type CallClocksHandlers } from './callClocksHandlers';
import { CallClocksService, type ClockRecord } from './callClocksService';
import { CallClocksSettingsStore } from './callClocksSettings';

export type { CallClocksService, ClockRecord } from './callClocksService';
export type { CallClocksSettingsStore } from './callClocksSettings';

/** A check the agent's ending of a wrap-up must pass; it refuses by throwing a ContractError. */
export type WrapUpEndCheck = (callId: string) => Promise<void>;

export interface CallClocksFeature extends Feature<keyof CallClocksHandlers> {
  service: CallClocksService;
  settings: CallClocksSettingsStore;
  /**
   * Each phone call event, once the clocks have taken it in: whatever the clocks record about it
   * (a ring outcome when ringing ends) has been emitted before the event reaches these listeners.
   */
  onCallEventAfterClocks(listener: (event: CallEvent, view: CallView) => void): () => void;
  onRecord(listener: (record: ClockRecord) => void): () => void;
  /** Adds a check to the agent's ending of a wrap-up (the call log's required disposition). */
  addWrapUpEndCheck(check: WrapUpEndCheck): void;
}

export interface CallClocksNeeds {
  phone: SoftphoneService;
  agentState: AgentStateService;
}

export function createCallClocks(kernel: Kernel, needs: CallClocksNeeds): CallClocksFeature {
  const { phone } = needs;
  const settings = new CallClocksSettingsStore(kernel.settings);
  const afterClocks = new Listeners<[event: CallEvent, view: CallView]>();
  const service = new CallClocksService({
    clock: kernel.clock,
    phone: {
      // The clocks' own subscription re-publishes each event once they are done with it: the order
      // other features see is fixed here, not by the order they happened to subscribe in.
      onCallEvent: (listener) =>
        phone.onCallEvent((event, view) => {
          listener(event);
          const errors: unknown[] = [];
          afterClocks.emitCollecting(errors, event, view);
          for (const error of errors) kernel.logger.error('A listener of call events failed', { error: String(error) });
        }),
      holdCall: (callId) => phone.holdCall(callId),
      giveUpRinging: (callId) => phone.giveUpRinging(callId),
      hasLiveCalls: () => phone.hasLiveCalls(),
      remoteNumberOf: (callId) => phone.remoteNumberOf(callId),
    },
    agentState: needs.agentState,
    settings,
    eventHub: kernel.eventHub,
    logger: kernel.logger,
  });
  const endChecks: WrapUpEndCheck[] = [];
  return {
    service,
    settings,
    handlers: callClocksHandlers(settings, service, kernel.eventHub, async (callId) => {
      for (const check of endChecks) await check(callId);
    }),
    onCallEventAfterClocks: (listener) => afterClocks.add(listener),
    onRecord: (listener) => service.onRecord(listener),
    addWrapUpEndCheck: (check) => void endChecks.push(check),
    close: () => service.close(),
  };
}
