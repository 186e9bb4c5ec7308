// In-memory fakes of the core's store-backed ports (electron/host/storePorts.ts builds the real
// ones over sql.js). A unit test builds a whole core over these in milliseconds; tests of the
// store itself, and integration tests, use the real store.
import type { BackupInfo, StoreStatus } from '../../../shared/contract/dataStore';
import type { NoteRevision } from '../../../shared/contract/callLog';
import type { CallRecordRow } from '../../../shared/domain/callRecord';
import type { StoredAgentState } from '../../../shared/domain/agentState';
import type { AgentStateRepository, AgentStateSegment } from '../../../electron/core/agentState/ports';
import type { AuditEntry, AuditLog, AuditLogQuery, AuditLogReader, StoredAuditRow } from '../../../electron/core/audit/ports';
import type { CallLogRepository, CallRecordRepository, ClassificationAmendment, StoredCallRecord, TimelineRow } from '../../../electron/core/callLog/ports';
import type { CallSearchRepository } from '../../../electron/core/callSearch/ports';
import type { CustomerRepository, StoredCustomer } from '../../../electron/core/customers/ports';
import type { DataStorePort } from '../../../electron/core/dataStore/ports';
import type { PeopleRepository, PersonRecord } from '../../../electron/core/identity/ports';
import { randomToken } from '../../../electron/adapters/secrets/scryptPasswordHasher';
import { cheapPasswordHasher } from '../identity/inProcessPeople';
import type { RetentionRepository } from '../../../electron/core/retention/ports';
import type { StorePorts } from '../../../electron/host/storePorts';

export class MemoryAgentStates implements AgentStateRepository {
  current: StoredAgentState | null = null;
  readonly segments: AgentStateSegment[] = [];
  async load() {
    return this.current;
  }
  async save(state: StoredAgentState, endedSegment: AgentStateSegment | null) {
    this.current = structuredClone(state);
    if (endedSegment) this.segments.push(endedSegment);
  }
}

/** The audit log and its reader over one list, in the order written. */
export class MemoryAuditLog implements AuditLog, AuditLogReader {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry) {
    this.entries.push(entry);
  }
  async count(query: AuditLogQuery) {
    return this.matching(query).length;
  }
  async list(query: AuditLogQuery, page: { offset: number; limit: number; order: 'newest' | 'oldest' }) {
    const rows = this.matching(query);
    if (page.order === 'newest') rows.reverse();
    return rows.slice(page.offset, page.offset + page.limit);
  }
  private matching(query: AuditLogQuery): StoredAuditRow[] {
    return this.entries
      .map((e, i) => ({ id: i + 1, at: e.at, actorId: e.actorId, actorRole: e.actorRole, action: e.action, subject: e.subject, detailJson: e.detail ? JSON.stringify(e.detail) : null }))
      .filter(
        (r) =>
          (query.fromWall === undefined || r.at >= query.fromWall) &&
          (query.toWallExclusive === undefined || r.at < query.toWallExclusive) &&
          (query.actorId === undefined || r.actorId === query.actorId) &&
          (query.action === undefined || r.action === query.action) &&
          (query.actionPrefix === undefined || r.action.startsWith(query.actionPrefix)) &&
          (query.subject === undefined || r.subject === query.subject),
      );
  }
}

/** The call log's two ports over one map of calls, like the calls and note_revisions tables. */
export class MemoryCallLog implements CallLogRepository, CallRecordRepository {
  readonly timeline: TimelineRow[] = [];
  readonly calls = new Map<string, CallRecordRow & { category: string | null; disposition: string | null }>();
  readonly notes = new Map<string, NoteRevision[]>();
  readonly amendments: ClassificationAmendment[] = [];

  async save(rows: TimelineRow[], record: CallRecordRow) {
    this.timeline.push(...rows);
    const before = this.calls.get(record.id);
    this.calls.set(record.id, { ...record, category: before?.category ?? null, disposition: before?.disposition ?? null });
  }
  async load(callId: string): Promise<StoredCallRecord | null> {
    const call = this.calls.get(callId);
    const revisions = this.notes.get(callId) ?? [];
    const latest = revisions.at(-1);
    if (!call && !latest) return null;
    return {
      inCallLog: call !== undefined,
      category: call?.category ?? null,
      disposition: call?.disposition ?? null,
      note: latest
        ? { text: latest.text, revision: latest.revision, savedAt: latest.savedAt, amended: revisions.some((r) => r.isAmendment) }
        : { text: '', revision: 0, savedAt: null, amended: false },
    };
  }
  async saveRevision(callId: string, revision: NoteRevision) {
    this.notes.set(callId, [...(this.notes.get(callId) ?? []), revision]);
  }
  async saveClassification(callId: string, category: string | null, disposition: string | null, amendment?: ClassificationAmendment) {
    const call = this.calls.get(callId);
    if (call) this.calls.set(callId, { ...call, category, disposition });
    if (amendment) this.amendments.push(amendment);
  }
  async revisions(callId: string) {
    return this.notes.get(callId) ?? [];
  }
}

/** Customers by id; lookup by exact number form and by a name fragment. No calls, no handoffs. */
export class MemoryCustomers implements CustomerRepository {
  readonly customers = new Map<string, StoredCustomer>();
  readonly links = new Map<string, string>();
  constructor(private readonly audit: MemoryAuditLog) {}
  async load(id: string) {
    return this.customers.get(id) ?? null;
  }
  async idsByNumber(forms: readonly string[], limit: number) {
    return [...this.customers.values()].filter((c) => c.numbers.some((n) => forms.includes(n.number))).slice(0, limit).map((c) => c.id);
  }
  async search(query: string, limit: number) {
    return [...this.customers.values()].filter((c) => c.name.includes(query)).slice(0, limit).map((c) => c.id);
  }
  async openCounts() {
    return { handoffs: 0, complaints: 0 };
  }
  async calls() {
    return { rows: [], next: null };
  }
  async save(customer: StoredCustomer, audit: AuditEntry) {
    this.customers.set(customer.id, structuredClone(customer));
    await this.audit.record(audit);
  }
  async linkCall(callId: string, customerId: string, audit: AuditEntry) {
    this.links.set(callId, customerId);
    await this.audit.record(audit);
  }
}

/** People by user id (user names compare case-insensitively, as in the store). */
export class MemoryPeople implements PeopleRepository {
  readonly people = new Map<string, PersonRecord>();
  constructor(private readonly audit: MemoryAuditLog) {}
  async count() {
    return this.people.size;
  }
  async list() {
    return [...this.people.values()].map((p) => structuredClone(p));
  }
  async get(userId: string) {
    const person = this.people.get(userId.toLowerCase());
    return person ? structuredClone(person) : null;
  }
  async save(person: PersonRecord, audit: AuditEntry) {
    this.people.set(person.userId.toLowerCase(), structuredClone(person));
    await this.audit.record(audit);
  }
}

/** Search over nothing: a fake store with no past calls. */
export const emptyCallSearch: CallSearchRepository = {
  search: async () => ({ hits: [], total: 0 }),
  optionsInUse: async () => ({ agents: [], categories: [], dispositions: [] }),
  countForExport: async () => 0,
  loadForExport: async () => [],
};

/** Retention over the fakes finds nothing to remove; the tests of retention use the real store. */
const noRetention: RetentionRepository = {
  count: async () => ({ customers: 0, calls: 0, callNotes: 0, noteRevisions: 0 }),
  runBatch: async () => ({ done: { customers: 0, calls: 0, callNotes: 0, noteRevisions: 0 }, next: null }),
};

/** A healthy store with no backups; a backup "written" by the fake is listed afterwards. */
export class MemoryDataStore implements DataStorePort {
  readonly backups: BackupInfo[] = [];
  status(): StoreStatus {
    return { lastSeq: 0, lastSnapshotSeq: null, recoveryProblems: [], recordsReplayed: 0, notices: [] };
  }
  async backupNow() {
    const backup = { fileName: `deskline-memory-${this.backups.length + 1}.sqlite`, bytes: 0, createdAt: Date.now() };
    this.backups.unshift(backup);
    return backup;
  }
  async listBackups() {
    return [...this.backups];
  }
  async stageRestore(fileName: string) {
    return `${fileName} will be restored at the next start (memory fake: nothing happens).`;
  }
}

export function createMemoryPorts(agentStates: AgentStateRepository = new MemoryAgentStates()): StorePorts {
  const audit = new MemoryAuditLog();
  const callLog = new MemoryCallLog();
  return {
    agentState: { repository: agentStates, totals: async () => [] },
    callLog: { writes: callLog, records: callLog },
    callSearch: emptyCallSearch,
    customers: new MemoryCustomers(audit),
    audit,
    auditReader: audit,
    dataStore: new MemoryDataStore(),
    retention: noRetention,
    identity: { people: new MemoryPeople(audit), passwords: cheapPasswordHasher, randomToken },
  };
}
