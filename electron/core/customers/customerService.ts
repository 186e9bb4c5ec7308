// Customer records over the store: the screen pop when an inbound call starts ringing, look-up,
// create/edit, search, history and click-to-dial. S-6 is applied here, never only in the UI: every
// number leaves the core already masked or not for the viewer (customerNumberAccess.ts), and every
// view is written to the audit log before it is returned (a change and its audit row: one commit).
import { randomUUID } from 'node:crypto';
import type { CustomerCall, CustomerNumberEntry, CustomerSummary, CustomerView, saveCustomerSchema, ScreenPop } from '../../../shared/contract/customers';
import { ContractError } from '../../../shared/contract/envelope';
import type { CallEvent, CallView } from '../../../shared/contract/softphone';
import { numberForms, numberForViewer, phoneKey, sameNumber, seesNumbersMasked, type LiveCallParty, type NumberViewer } from '../../../shared/domain/customerNumberAccess';
import type { Clock } from '../../../shared/domain/clock';
import { maskPhoneNumber, normalizePhoneNumber } from '../../../shared/domain/phoneMasking';
import type { z } from 'zod';
import { auditEntry, type AuditLog } from '../audit';
import type { CallCursor, CustomerCallRow, CustomerRepository, StoredCustomer, StoredCustomerNumber } from './ports';
import type { CallerContext } from '../kernel/caller';
import type { EventHub } from '../kernel/eventHub';
import type { Logger } from '../kernel/platformPorts';

/** The softphone as this service sees it. */
export interface CustomerPhone {
  /** Calls not yet ended, with the remote number (the agent's own calls: one phone per core). */
  liveCalls(): Array<{ callId: string; remoteNumber: string }>;
  dial(target: string): Promise<CallView>;
  onCallEvent(listener: (event: CallEvent, view: CallView) => void): () => void;
}

export interface CustomerServiceDeps {
  repository: CustomerRepository;
  audit: AuditLog;
  clock: Clock;
  eventHub: EventHub;
  logger: Logger;
  /** The local user the phone belongs to: screen pops are for them (and masked for their role). */
  host: CallerContext;
  phone: CustomerPhone;
  /** Resolves once the call log has written what it has been given (the call's row exists). */
  callLogged: () => Promise<void>;
}

/** A shared number (a switchboard) can belong to many customers; the picker shows this many. */
const maxMatches = 20;
const lastCallsShown = 3;

type ParsedSave = z.output<typeof saveCustomerSchema>;

export class CustomerService {
  /** The screen pop of each live inbound call, until it ends. */
  private readonly pops = new Map<string, ScreenPop>();
  /** Saves run one at a time, so the expectedUpdatedAt check and the write cannot interleave. */
  private saving: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: CustomerServiceDeps) {
    this.unsubscribe = deps.phone.onCallEvent((event, view) => {
      if (event.type === 'ringing' && event.direction === 'inbound') void this.screenPop(event.callId, view.remote.number, view.remote.verified === true);
      if (event.type === 'ended') this.pops.delete(event.callId);
    });
  }

  close(): void {
    this.unsubscribe();
  }

  /** Screen pops of the calls still in progress (a renderer that loaded while a call rings). */
  async screenPops(caller: CallerContext): Promise<ScreenPop[]> {
    const pops = [...this.pops.values()];
    const seen = pops.flatMap((p) => p.matches.map((m) => m.customerId));
    if (seen.length > 0) await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'customer.screenPop', null, { customerIds: seen, reload: true }));
    return pops;
  }

  async lookupByNumber(number: string, caller: CallerContext): Promise<CustomerSummary[]> {
    const key = this.normalized(number);
    const ids = await this.deps.repository.idsByNumber(numberForms(key), maxMatches);
    const summaries = await this.summaries(ids, caller);
    // S-6: a masked role's misses are audited too: a run of them is what guessing numbers looks like.
    if (ids.length > 0 || seesNumbersMasked(caller.role)) {
      await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'customer.lookup', null, { number: maskPhoneNumber(key), customerIds: ids }));
    }
    return summaries;
  }

  async getCustomer(customerId: string, caller: CallerContext): Promise<CustomerView> {
    const stored = await this.require(customerId);
    const view = await this.view(stored, caller);
    await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'customer.view', customerId));
    return view;
  }

  /** The agent picked who is calling (a shared number): link the call and open the record. */
  async linkCall(callId: string, customerId: string, caller: CallerContext): Promise<CustomerView> {
    const live = this.deps.phone.liveCalls().find((c) => c.callId === callId);
    if (!live) throw new ContractError('CONFLICT', 'That call is no longer in progress.');
    const stored = await this.require(customerId);
    // History finds calls by number (customerStoreRepository.calls), so only a customer who has
    // the caller's number can be linked; the panel offers to add the number first.
    if (!stored.numbers.some((n) => sameNumber(n.number, live.remoteNumber))) {
      throw new ContractError('CONFLICT', `${stored.name} does not have the caller's number. Add it to the record first.`);
    }
    await this.deps.callLogged();
    await this.deps.repository.linkCall(callId, customerId, auditEntry(this.deps.clock, caller, 'customer.link', customerId, { callId }));
    const pop = this.pops.get(callId);
    if (pop) {
      const linked = { ...pop, linkedCustomerId: customerId };
      this.pops.set(callId, linked);
      this.deps.eventHub.emit('onScreenPop', linked);
    }
    return this.view(stored, caller);
  }

  async save(request: ParsedSave, caller: CallerContext): Promise<CustomerView> {
    const run = this.saving.then(() => this.saveNow(request, caller));
    this.saving = run.catch(() => undefined);
    return run;
  }

  async search(query: string, limit: number, caller: CallerContext): Promise<CustomerSummary[]> {
    // A query that is a phone number finds by the whole number (S-6: numbers are not in the text
    // index, so no prefix or fragment of one matches anything).
    const key = /\d/.test(query) ? phoneKey(query) : null;
    const looksLikeNumber = key !== null;
    const ids = key !== null ? await this.deps.repository.idsByNumber(numberForms(key), limit) : await this.deps.repository.search(query, limit);
    const summaries = await this.summaries(ids, caller);
    // S-6: a masked role's number-search misses are audited too.
    if (ids.length > 0 || (looksLikeNumber && seesNumbersMasked(caller.role))) {
      const shown = looksLikeNumber ? { query: maskPhoneNumber(query), numberSearch: 'exact' } : { query };
      await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'customer.search', null, { ...shown, customerIds: ids }));
    }
    return summaries;
  }

  async history(customerId: string, limit: number, cursor: string | null, caller: CallerContext): Promise<{ calls: CustomerCall[]; nextCursor: string | null }> {
    const stored = await this.require(customerId);
    const page = await this.deps.repository.calls(stored, limit, cursor === null ? null : parseCursor(cursor));
    const live = this.liveParties();
    const calls = page.rows.map((row) => this.callFor(row, caller, live));
    await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'customer.history', customerId, { calls: calls.length, cursor }));
    return { calls, nextCursor: page.next ? formatCursor(page.next) : null };
  }

  /** Click to dial by index: the number is looked up here, so a masked one never reaches the UI. */
  async dial(customerId: string, index: number, caller: CallerContext): Promise<CallView> {
    const stored = await this.require(customerId);
    const entry = stored.numbers[index];
    if (!entry) throw new ContractError('NOT_FOUND', `${stored.name} has no number ${index + 1}.`);
    await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'customer.dial', customerId, { index }));
    return this.deps.phone.dial(entry.number);
  }

  // ---------- internals ----------

  private async screenPop(callId: string, remoteNumber: string, callerIdVerified: boolean): Promise<void> {
    try {
      const key = phoneKey(remoteNumber);
      const ids = key === null ? [] : await this.deps.repository.idsByNumber(numberForms(key), maxMatches);
      const viewer = this.deps.host;
      const matches = await this.summaries(ids, viewer);
      // S-6: anyone can send a customer's number as their caller ID. Unless the SIP server asserted
      // it (RemoteParty.verified), the call joins that customer's history only when the agent
      // confirms who is calling (linkCallCustomer), as with a number several customers share.
      const linked = ids.length === 1 && callerIdVerified ? ids[0]! : null;
      if (linked) {
        // Exactly one customer, verified caller ID: the call is theirs. The call log must have the call's row first.
        await this.deps.callLogged();
        await this.deps.repository.linkCall(callId, linked, auditEntry(this.deps.clock, viewer, 'customer.screenPop', linked, { callId }));
      } else if (ids.length > 0) {
        await this.deps.audit.record(auditEntry(this.deps.clock, viewer, 'customer.screenPop', null, { callId, customerIds: ids, callerIdVerified }));
      }
      if (!this.deps.phone.liveCalls().some((c) => c.callId === callId)) return; // ended meanwhile
      const pop: ScreenPop = { callId, number: numberForViewer(viewer, remoteNumber, this.liveParties()).number, matches, linkedCustomerId: linked, callerIdVerified };
      this.pops.set(callId, pop);
      this.deps.eventHub.emit('onScreenPop', pop);
    } catch (error) {
      this.deps.logger.error('Screen pop failed', { callId, error: String(error) });
    }
  }

  private async saveNow(request: ParsedSave, caller: CallerContext): Promise<CustomerView> {
    const existing = request.customerId === undefined ? null : await this.require(request.customerId);
    if (existing && request.expectedUpdatedAt !== undefined && existing.updatedAt !== request.expectedUpdatedAt) {
      throw new ContractError('CONFLICT', `${existing.name}'s record was changed by someone else since you opened it. Reopen it and make your change again.`);
    }
    const numbers = resolveNumbers(request.numbers, existing);
    const now = this.deps.clock.wallNow();
    const customer: StoredCustomer = {
      id: existing?.id ?? randomUUID(),
      name: request.name,
      organisation: request.organisation === '' ? null : request.organisation,
      tags: [...new Set(request.tags)],
      consent: request.consent,
      // S-6: when the consent was given is kept until it is withdrawn.
      consentAt: request.consent ? (existing?.consent && existing.consentAt !== null ? existing.consentAt : now) : null,
      notes: request.notes,
      numbers,
      createdAt: existing?.createdAt ?? now,
      // Strictly newer than before, so expectedUpdatedAt always tells two versions apart.
      updatedAt: existing ? Math.max(now, existing.updatedAt + 1) : now,
    };
    const action = existing ? 'customer.update' : 'customer.create';
    const detail = { changed: existing ? changedFields(existing, customer) : ['created'], numbers: numbers.length, consent: customer.consent };
    await this.deps.repository.save(customer, auditEntry(this.deps.clock, caller, action, customer.id, detail));
    return this.view(customer, caller);
  }

  private normalized(number: string): string {
    try {
      return normalizePhoneNumber(number);
    } catch (error) {
      throw new ContractError('VALIDATION', (error as Error).message);
    }
  }

  private async require(customerId: string): Promise<StoredCustomer> {
    const stored = await this.deps.repository.load(customerId);
    if (!stored) throw new ContractError('NOT_FOUND', 'No such customer.');
    return stored;
  }

  private liveParties(): LiveCallParty[] {
    return (this.deps.phone.liveCalls() ?? []).map((c) => ({ agentId: this.deps.host.userId, remoteNumber: c.remoteNumber }));
  }

  private async summaries(ids: string[], viewer: NumberViewer): Promise<CustomerSummary[]> {
    const summaries: CustomerSummary[] = [];
    for (const id of ids) {
      const stored = await this.deps.repository.load(id);
      if (stored) summaries.push(await this.summary(stored, viewer));
    }
    return summaries;
  }

  private async summary(stored: StoredCustomer, viewer: NumberViewer): Promise<CustomerSummary> {
    // The call ringing now is already in the log: "last calls" are the ones before it.
    const liveIds = new Set((this.deps.phone.liveCalls() ?? []).map((c) => c.callId));
    const [counts, calls] = await Promise.all([
      this.deps.repository.openCounts(stored.id),
      this.deps.repository.calls(stored, lastCallsShown + liveIds.size, null),
    ]);
    const live = this.liveParties();
    return {
      customerId: stored.id,
      name: stored.name,
      organisation: stored.organisation,
      tags: stored.tags,
      consent: stored.consent,
      consentAt: stored.consentAt,
      openHandoffs: counts.handoffs,
      openComplaints: counts.complaints,
      lastCalls: calls.rows
        .filter((row) => !liveIds.has(row.callId))
        .slice(0, lastCallsShown)
        .map((row) => this.callFor(row, viewer, live)),
    };
  }

  private async view(stored: StoredCustomer, viewer: NumberViewer): Promise<CustomerView> {
    const live = this.liveParties();
    return {
      ...(await this.summary(stored, viewer)),
      numbers: stored.numbers.map((n, index) => ({ index, ...numberForViewer(viewer, n.number, live), label: n.label })),
      notes: stored.notes,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
    };
  }

  private callFor(row: CustomerCallRow, viewer: NumberViewer, live: LiveCallParty[]): CustomerCall {
    const { remoteNumber, ...rest } = row;
    return { ...rest, number: numberForViewer(viewer, remoteNumber, live).number };
  }
}

/** Typed numbers are normalized; `keep` entries take the stored number the agent may see masked. */
function resolveNumbers(entries: CustomerNumberEntry[], existing: StoredCustomer | null): StoredCustomerNumber[] {
  const numbers: StoredCustomerNumber[] = [];
  for (const [position, entry] of entries.entries()) {
    let number: string;
    if ('keep' in entry) {
      const kept = existing?.numbers[entry.keep];
      if (!kept) throw new ContractError('VALIDATION', `Number ${position + 1}: the record has no number ${entry.keep + 1} to keep.`);
      number = kept.number;
    } else {
      try {
        number = normalizePhoneNumber(entry.number);
      } catch (error) {
        throw new ContractError('VALIDATION', `Number ${position + 1}: ${(error as Error).message}`);
      }
    }
    if (numbers.some((n) => sameNumber(n.number, number))) {
      throw new ContractError('VALIDATION', `Number ${position + 1} is the same as an earlier number (${maskPhoneNumber(number)}).`);
    }
    numbers.push({ number, label: entry.label === '' ? null : entry.label });
  }
  return numbers;
}

function changedFields(before: StoredCustomer, after: StoredCustomer): string[] {
  const fields: Array<keyof StoredCustomer> = ['name', 'organisation', 'tags', 'consent', 'notes', 'numbers'];
  return fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

function formatCursor(cursor: CallCursor): string {
  return `${cursor.startedAt}:${cursor.rowid}`;
}

function parseCursor(text: string): CallCursor {
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) throw new ContractError('VALIDATION', 'That history page cursor is not one this host gave out.');
  return { startedAt: Number(match[1]), rowid: Number(match[2]) };
}
