// S-6 (access by role, reviewed regularly): the audit log port. Every view and every export of
// customer data is recorded with who, in which role, did what to which subject. Stores that change
// data write the entry in the same transaction as the change (see CustomerRepository.save).
import type { Role } from '../../../shared/contract/roles';

/** One audit_log row. `detail` says what was seen or done, without repeating the data itself. */
export interface AuditEntry {
  /** Wall-clock epoch ms. */
  at: number;
  actorId: string;
  actorRole: Role;
  /** A dotted verb, e.g. customer.view, customer.update, calls.export. */
  action: string;
  /** What it was done to (a customer id, a call id), or null for a list (search, export). */
  subject: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditLog {
  /** Resolves once the entry is durable; a view is not shown until it has been recorded. */
  record(entry: AuditEntry): Promise<void>;
}

/** Which rows to read: every field given narrows them. Times are wall epoch ms, `to` exclusive. */
export interface AuditLogQuery {
  fromWall?: number;
  toWallExclusive?: number;
  actorId?: string;
  /** Exactly this action. */
  action?: string;
  /** Every action starting with this (e.g. "customer."). */
  actionPrefix?: string;
  subject?: string;
}

/** One stored row as a reader sees it (without its chain hashes, which only `npm run audit -- verify` reads). */
export interface StoredAuditRow {
  id: number;
  at: number;
  actorId: string;
  /** As recorded (a role this version no longer knows stays as it was written). */
  actorRole: string;
  action: string;
  subject: string | null;
  detailJson: string | null;
}

/** Reading the log: the audit feature's own port (the log is written through AuditLog). */
export interface AuditLogReader {
  count(query: AuditLogQuery): Promise<number>;
  list(query: AuditLogQuery, page: { offset: number; limit: number; order: 'newest' | 'oldest' }): Promise<StoredAuditRow[]>;
}
