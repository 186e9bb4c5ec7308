// The call log's ports: where call events, call records, notes and classifications are kept.
import type { CallRecordForm, NoteRevision } from '../../../shared/contract/callLog';
import type { Role } from '../../../shared/contract/roles';
import type { CallRecordRow } from '../../../shared/domain/callRecord';
import type { AuditEntry } from '../audit/ports';

/** One row of call_events; `kind` is a call event type or a clock record kind. */
export interface TimelineRow {
  callId: string;
  kind: string;
  atWall: number;
  atMonotonic: number | null;
  detailJson: string;
}

export interface CallLogRepository {
  /** Appends the timeline rows and upserts the call's event-derived columns, in one transaction. */
  save(rows: TimelineRow[], record: CallRecordRow): Promise<void>;
}

export interface StoredCallRecord {
  /** The call's row exists (the call log writes it from the first call event). */
  inCallLog: boolean;
  category: string | null;
  disposition: string | null;
  note: CallRecordForm['note'];
}

/** A closed call's category or disposition changed: who, when, from what to what, and its audit entry. */
export interface ClassificationAmendment {
  at: number;
  authorId: string;
  authorRole: Role;
  before: { category: string | null; disposition: string | null };
  after: { category: string | null; disposition: string | null };
  /** Written in the same commit as the change (S-6: nothing changes unaudited). */
  audit: AuditEntry;
}

export interface CallRecordRepository {
  load(callId: string): Promise<StoredCallRecord | null>;
  saveRevision(callId: string, revision: NoteRevision): Promise<void>;
  /** With `amendment` (the record was closed), the amendment row and its audit entry go in the same commit. */
  saveClassification(callId: string, category: string | null, disposition: string | null, amendment?: ClassificationAmendment): Promise<void>;
  revisions(callId: string): Promise<NoteRevision[]>;
}

export interface CallLogPorts {
  /** Call events and clock records, and the call rows rebuilt from them. */
  writes: CallLogRepository;
  /** Notes, category and disposition of each call record. */
  records: CallRecordRepository;
}
