// The clock contract's handlers: the clocks' settings and the live ring, hold and wrap-up clocks.
import type { callClockMethods } from '../../../shared/contract/callClocks';
import type { CallClocksService } from './callClocksService';
import type { CallClocksSettingsStore } from './callClocksSettings';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { EventHub } from '../kernel/eventHub';

export type CallClocksHandlers = Pick<ApiHandlers, keyof typeof callClockMethods>;

/** `checkWrapUpMayEnd` runs before the agent ends a wrap-up, and refuses by throwing. */
export function callClocksHandlers(
  settings: CallClocksSettingsStore,
  clocks: CallClocksService,
  eventHub: EventHub,
  checkWrapUpMayEnd: (callId: string) => Promise<void>,
): CallClocksHandlers {
  return {
    getClockSettings: () => settings.get(),
    saveClockSettings: (request) => {
      const saved = settings.save(request);
      eventHub.emit('onClockSettingsChanged', saved);
      return saved;
    },
    getCallClocks: () => clocks.state(),
    startHoldSteps: ({ callId }) => clocks.startHoldSteps(callId),
    nextHoldStep: ({ callId }) => clocks.nextHoldStep(callId),
    cancelHoldSteps: ({ callId }) => clocks.cancelHoldSteps(callId),
    holdWithPromise: ({ callId, promisedMs }) => clocks.holdWithPromise(callId, promisedMs),
    callerUpdatedOnHold: ({ callId }) => clocks.callerUpdatedOnHold(callId),
    chooseAfterWrapUp: ({ after }) => clocks.chooseAfterWrapUp(after),
    extendWrapUp: ({ extraSec }) => clocks.extendWrapUp(extraSec),
    endWrapUp: async () => {
      const callId = clocks.wrapUpCallId();
      if (callId) await checkWrapUpMayEnd(callId);
      return clocks.endWrapUp();
    },
  };
}
