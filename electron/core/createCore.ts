// Composition root shared by both hosts: builds every feature over the ports a host passes in, in
// the order their dependencies give, and joins their handlers behind the one dispatcher. Rules
// between features live in the features (see each create<Feature>()), not here.
import { createAgentState, type AgentStateService } from './agentState';
import type { AgentStatePorts } from './agentState/ports';
import { createAppInfo } from './appInfo';
import { createAudit } from './audit';
import type { AuditLog, AuditLogReader } from './audit/ports';
import { createCallClocks, type CallClocksFeature } from './callClocks';
import { createCallLog, type CallLogFeature } from './callLog';
import type { CallLogPorts } from './callLog/ports';
import { createCallSearch } from './callSearch';
import type { CallSearchRepository } from './callSearch/ports';
import { createCustomers } from './customers';
import type { CustomerRepository } from './customers/ports';
import { createDataStore } from './dataStore';
import type { DataStorePort } from './dataStore/ports';
import { createIdentity, type ConnectionOptions, type ContractConnection, type IdentityFeature } from './identity';
import type { IdentityPorts } from './identity/ports';
import { Desk } from './kernel/desk';
import { createDispatcher, type ApiHandlers, type Dispatch } from './kernel/dispatcher';
import { EventHub } from './kernel/eventHub';
import type { Feature, Kernel } from './kernel/feature';
import type { PlatformPorts } from './kernel/platformPorts';
import { createRetention } from './retention';
import type { RetentionRepository } from './retention/ports';
import { createPhonePreferences, type PhonePreferencesService } from './phonePreferences';
import { createShellNotices, type ShellNoticesService } from './shellNotices';
import { createSoftphone, eventViewFor, type SoftphoneFeature } from './softphone';
import type { SoftphonePorts } from './softphone/ports';
import { createWorkingCalendar } from './workingCalendar';

/** Everything a host passes in: the platform, and each feature's ports. Both hosts pass all of them. */
export interface CorePorts extends PlatformPorts {
  agentState: AgentStatePorts;
  softphone: SoftphonePorts;
  callLog: CallLogPorts;
  callSearch: CallSearchRepository;
  customers: CustomerRepository;
  /** S-6: where views, searches, exports and changes of customer data are recorded. */
  audit: AuditLog;
  /** S-6: the audit view reads the log through this (admins only). */
  auditReader: AuditLogReader;
  dataStore: DataStorePort;
  /** S-6: anonymises and deletes what is older than the retention period. */
  retention: RetentionRepository;
  /** Issue 13: accounts, password hashing, tokens. */
  identity: IdentityPorts;
}

export interface Core {
  /**
   * For trusted in-process callers only (tests, the Electron shell's global shortcuts): the caller
   * is whoever they say. Hosts put every page behind {@link Core.connect} instead.
   */
  dispatch: Dispatch;
  /** Issue 13: the door for one connection (a WebSocket, a window): its caller comes from its session. */
  connect(send: (event: string, payload: unknown) => void, options?: ConnectionOptions): ContractConnection;
  identity: IdentityFeature;
  /** Who is at this desk (the agent the phone belongs to). */
  desk: Desk;
  eventHub: EventHub;
  agentState: AgentStateService;
  softphone: SoftphoneFeature;
  preferences: PhonePreferencesService;
  clocks: CallClocksFeature;
  callLog: CallLogFeature;
  /** Issue 21: the Electron shell reports window restarts here; the page reads them. */
  shellNotices: ShellNoticesService;
  close(): Promise<void>;
}

export async function createCore(ports: CorePorts): Promise<Core> {
  // S-6: the phone is the signed-in agent's at this desk; each event subscriber sees its numbers as their role may.
  const desk = new Desk({ role: ports.hostInfo.role, userId: ports.hostInfo.userId });
  const kernel: Kernel = { ...ports, desk, eventHub: new EventHub(eventViewFor(() => desk.ownerId())) };
  const audit = ports.audit;

  // Each feature is built after the features it follows. The phone's call events reach the
  // others as a pipeline: softphone → call clocks → call log → customers (see their index files).
  const identity = await createIdentity(kernel, { ...ports.identity, audit }, { secrets: ports.softphone.secrets });
  const agentState = await createAgentState(kernel, ports.agentState);
  const softphone = await createSoftphone(kernel, ports.softphone, { phoneAccountOf: (userId) => identity.phoneAccountOf(userId) });
  const phone = softphone.service;
  const clocks = createCallClocks(kernel, { phone, agentState: agentState.service });
  const callLog = createCallLog(kernel, ports.callLog, { phone, clocks });
  const customers = createCustomers(kernel, { repository: ports.customers, audit }, { phone, callLog });
  const callSearch = createCallSearch(kernel, { repository: ports.callSearch, audit }, { phone, callLog });
  const preferences = createPhonePreferences(kernel, { phone, clocks });
  const shellNotices = createShellNotices(kernel, { softphone });
  const appInfo = createAppInfo(kernel);
  const workingCalendar = createWorkingCalendar(kernel);
  const dataStore = createDataStore(ports.dataStore);
  const auditView = createAudit(kernel, { log: audit, reader: ports.auditReader });
  const retention = createRetention(kernel, { repository: ports.retention, audit });

  const handlers: ApiHandlers = {
    ...appInfo.handlers,
    ...agentState.handlers,
    ...softphone.handlers,
    ...clocks.handlers,
    ...callLog.handlers,
    ...customers.handlers,
    ...callSearch.handlers,
    ...preferences.handlers,
    ...shellNotices.handlers,
    ...workingCalendar.handlers,
    ...dataStore.handlers,
    ...auditView.handlers,
    ...retention.handlers,
    ...identity.handlers,
  };
  // The phone closes first: calls it ends on the way down still reach the clocks and the log,
  // and the log's writes settle before the host closes the store.
  const closingOrder: Feature<never>[] = [softphone, clocks, callLog, customers, callSearch, preferences, shellNotices, appInfo, workingCalendar, dataStore, auditView, retention, agentState, identity];

  const dispatch = createDispatcher(handlers, ports.logger, { log: audit, clock: ports.clock });
  return {
    dispatch,
    connect: (send, options) => identity.connect(dispatch, send, options),
    identity,
    desk,
    eventHub: kernel.eventHub,
    agentState: agentState.service,
    softphone,
    preferences: preferences.service,
    clocks,
    callLog,
    shellNotices: shellNotices.service,
    close: async () => {
      for (const feature of closingOrder) await feature.close();
    },
  };
}
