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
