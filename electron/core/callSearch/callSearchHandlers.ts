// The call-search contract's handlers: search, its filter lists, and the UI export. Without a
// store and its audit log behind them they answer UNAVAILABLE (S-6: nothing is shown unaudited).
import type { callSearchMethods } from '../../../shared/contract/callSearch';
import { ContractError } from '../../../shared/contract/envelope';
import type { LiveCallParty } from '../../../shared/domain/customerNumberAccess';
import type { CallLogSettingsStore } from '../callLog/callLogSettings';
import { CallSearchService } from './callSearchService';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { CorePorts } from '../ports';
import type { Softphone } from '../softphone/softphoneHandlers';

type CallSearchHandlers = Pick<ApiHandlers, keyof typeof callSearchMethods>;

export interface CallSearchWiring {
  /** The category and disposition lists the filters offer and check against. */
  recordSettings: Pick<CallLogSettingsStore, 'get'>;
  /** This host's phone, whose current calls the local agent may see in full (S-6). */
  softphone: Softphone | null;
}

export function callSearchHandlers(ports: Pick<CorePorts, 'callSearch' | 'audit' | 'clock' | 'hostInfo'>, wiring: CallSearchWiring): CallSearchHandlers {
  const { callSearch: repository, audit, clock } = ports;
  // The one local user until sign-in exists is the agent on this host's calls.
  const userId = ports.hostInfo.userId;
  const service =
    repository && audit
      ? new CallSearchService({ repository, audit, clock, recordLists: () => wiring.recordSettings.get(), liveCalls: () => liveCallParties(wiring.softphone, userId) })
      : null;
  const need = (): CallSearchService => {
    if (!service) throw new ContractError('UNAVAILABLE', 'This host runs without the database, so calls cannot be searched or exported.');
    return service;
  };
  return {
    searchCalls: (request, caller) => need().search(request, caller),
    getCallSearchOptions: () => need().options(),
    exportCalls: (request, caller) => need().exportCalls(request, caller),
  };
}

/** The calls not yet ended on this host's phone, all the local user's. */
function liveCallParties(softphone: Softphone | null, userId: string): LiveCallParty[] {
  return (softphone?.service.state().calls ?? []).map((call) => ({ agentId: userId, remoteNumber: call.remote.number }));
}
