// Call search and the UI export (S-6: numbers masked per role, every search and export audited).
import type { LiveCallParty } from '../../../shared/domain/customerNumberAccess';
import type { AuditLog } from '../audit';
import type { CallLogFeature } from '../callLog';
import type { Feature, Kernel } from '../kernel/feature';
import type { SoftphoneService } from '../softphone';
import { callSearchHandlers, type CallSearchHandlers } from './callSearchHandlers';
import { CallSearchService } from './callSearchService';
import type { CallSearchRepository } from './ports';

export type CallSearchFeature = Feature<keyof CallSearchHandlers>;

export interface CallSearchNeeds {
  /** This host's phone, whose current calls the local agent may see in full (S-6). */
  phone: SoftphoneService;
  /** The category and disposition lists the filters offer and check against. */
  callLog: Pick<CallLogFeature, 'settings'>;
}

export function createCallSearch(kernel: Kernel, ports: { repository: CallSearchRepository; audit: AuditLog }, needs: CallSearchNeeds): CallSearchFeature {
  // The agent at the desk (hot-desking) is the agent on this host's live calls.
  const liveCalls = (): LiveCallParty[] => needs.phone.state().calls.map((call) => ({ agentId: kernel.desk.ownerId(), remoteNumber: call.remote.number }));
  const service = new CallSearchService({
    repository: ports.repository,
    audit: ports.audit,
    clock: kernel.clock,
    recordLists: () => needs.callLog.settings.get(),
    liveCalls,
  });
  return { handlers: callSearchHandlers(service), close: () => undefined };
}
