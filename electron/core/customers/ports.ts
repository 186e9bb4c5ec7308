// What the customer service needs from a store: records with their numbers, the calls of a
// customer, and the open S-4 handoffs / S-5 complaints that the screen pop counts.
import type { CallDirection } from '../../../shared/contract/softphone';
import type { AuditEntry } from '../audit/ports';

export interface StoredCustomerNumber {
  /** Normalized: digits with an optional leading + (shared/domain/phoneMasking.ts). */
  number: string;
  label: string | null;
}

export interface StoredCustomer {
  id: string;
  name: string;
  organisation: string | null;
  tags: string[];
  /** S-6: collected with consent; consentAt is when the consent was first recorded. */
  consent: boolean;
  consentAt: number | null;
  notes: string;
  /** In the order the agent entered them: an index names one (dial, keep when editing). */
  numbers: StoredCustomerNumber[];
  createdAt: number;
  updatedAt: number;
}

/** One row of `calls` as the customer history shows it (the number not yet masked). */
export interface CustomerCallRow {
  callId: string;
  direction: CallDirection;
  remoteNumber: string;
  agentId: string;
  outcome: string;
  startedAt: number;
  talkMs: number;
  category: string | null;
  disposition: string | null;
  notes: string;
}

/** Where a history page starts: strictly older than this call. */
export interface CallCursor {
  startedAt: number;
  rowid: number;
}

export interface CustomerRepository {
  load(id: string): Promise<StoredCustomer | null>;
  /** Customers having one of these normalized numbers (the forms of one number), by name (at most `limit`). */
  idsByNumber(forms: readonly string[], limit: number): Promise<string[]>;
  /** Full-text search over name, organisation, tags and notes (Chinese and English). */
  search(query: string, limit: number): Promise<string[]>;
  openCounts(customerId: string): Promise<{ handoffs: number; complaints: number }>;
  /**
   * The customer's calls, newest first: calls linked to them, and calls from or to their numbers
   * that were not linked to someone else (a shared number whose caller the agent identified).
   * A number matches in any of its written forms (numberForms: 13800135678 / +8613800135678).
   */
  calls(customer: Pick<StoredCustomer, 'id' | 'numbers'>, limit: number, before: CallCursor | null): Promise<{ rows: CustomerCallRow[]; next: CallCursor | null }>;
  /** Inserts or replaces the customer and all their numbers, with the audit entry, in one commit. */
  save(customer: StoredCustomer, audit: AuditEntry): Promise<void>;
  /** Links a call to the customer the agent identified (calls.customer_id), with the audit entry. */
  linkCall(callId: string, customerId: string, audit: AuditEntry): Promise<void>;
}
