// The ports the core needs from its host; each host passes in its own adapters.
import type { StoredAgentState } from '../../shared/domain/agentState';
import type { Clock } from '../../shared/domain/clock';
import type { Language } from '../../shared/contract/appInfo';
import type { Role } from '../../shared/contract/roles';
import type { AgentStateTotals } from '../../shared/contract/agentState';
import type { AuditLog } from './audit/auditLog';
import type { CallLogRepository } from './callLog/callLogWriter';
import type { CallRecordRepository } from './callLog/callLogService';
import type { CallSearchRepository } from './callSearch/callSearchService';
import type { CustomerRepository } from './customers/ports';
import type { DataStorePort } from './dataStore/ports';
import type { SoftphonePorts } from './softphone/softphoneHandlers';

/** User settings (not data): electron-store in Electron, conf in the web host; same file format. */
export interface SettingsPort {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}

/** Where the agent's current state is kept so that it survives a restart. */
export interface AgentStateRepository {
  load(): Promise<StoredAgentState | null>;
  save(state: StoredAgentState): Promise<void>;
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface HostInfo {
  host: 'electron' | 'web';
  version: string;
  languageOverride: Language | null;
  /** Until sign-in exists, the host runs as one local user with this role. */
  role: Role;
  userId: string;
}

export interface CorePorts {
  clock: Clock;
  settings: SettingsPort;
  agentStates: AgentStateRepository;
  logger: Logger;
  hostInfo: HostInfo;
  /** SIP adapter and secret store; without them the softphone methods answer UNAVAILABLE. */
  softphone?: SoftphonePorts;
  /** Database health, backups and restores; without it those methods answer UNAVAILABLE. */
  dataStore?: DataStorePort;
  /** Where call events and call records are kept; without it calls are not logged. */
  callLog?: CallLogRepository;
  /** Notes, category and disposition of call records; without it those methods answer UNAVAILABLE. */
  callRecords?: CallRecordRepository;
  /** Time per agent state and occupancy for a period (team leads); without it UNAVAILABLE. */
  agentStateTotals?: (fromWall: number, toWall: number) => Promise<AgentStateTotals[]>;
  /** Call search and the UI export (S-6: masked and audited); without it those methods answer UNAVAILABLE. */
  callSearch?: CallSearchRepository;
  /** Customer records; without it (or without `audit`) those methods answer UNAVAILABLE. */
  customers?: CustomerRepository;
  /** S-6: where views and exports of customer data are recorded (audit_log). */
  audit?: AuditLog;
}
