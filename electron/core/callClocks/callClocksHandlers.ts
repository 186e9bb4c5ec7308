// The clock contract's handlers. Settings work on every host; the live clocks need a softphone.
import { ContractError } from '../../../shared/contract/envelope';
import type { callClockMethods } from '../../../shared/contract/callClocks';
import type { CallClocksService } from './callClocksService';
import type { CallClocksSettingsStore } from './callClocksSettings';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { EventHub } from '../kernel/eventHub';

type CallClocksHandlers = Pick<ApiHandlers, keyof typeof callClockMethods>;

export function callClocksHandlers(settings: CallClocksSettingsStore, clocks: CallClocksService | null, eventHub: EventHub): CallClocksHandlers {
  const c = (): CallClocksService => {
    if (!clocks) throw new ContractError('UNAVAILABLE', 'This host has no softphone, so no call clocks run.');
    return clocks;
  };
  return {
    getClockSettings: () => settings.get(),
    saveClockSettings: (request) => {
      const saved = settings.save(request);
      eventHub.emit('onClockSettingsChanged', saved);
      return saved;
    },
    getCallClocks: () => c().state(),
    startHoldSteps: ({ callId }) => c().startHoldSteps(callId),
    nextHoldStep: ({ callId }) => c().nextHoldStep(callId),
    cancelHoldSteps: ({ callId }) => c().cancelHoldSteps(callId),
    holdWithPromise: ({ callId, promisedMs }) => c().holdWithPromise(callId, promisedMs),
    callerUpdatedOnHold: ({ callId }) => c().callerUpdatedOnHold(callId),
    chooseAfterWrapUp: ({ after }) => c().chooseAfterWrapUp(after),
    extendWrapUp: ({ extraSec }) => c().extendWrapUp(extraSec),
    endWrapUp: () => c().endWrapUp(),
  };
}
