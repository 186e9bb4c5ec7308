// Customer records through the core over the real store (sql.js, journal): create and edit with
// several numbers, numbers shared by several customers, contact history across numbers, and S-6:
// numbers masked per role, every view audited, a malformed number refused with nothing saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLogStoreRepository } from '../../../../../electron/adapters/store/repositories/audit/auditLogRepository';
import { createCustomerStoreRepository } from '../../../../../electron/adapters/store/repositories/customers/customerRepository';
import { openStore, type Store } from '../../../../../electron/adapters/store/engine/store';
import type { Core } from '../../../../../electron/core/createCore';
import { createTestCore } from '../../../../support/core/testCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import { systemClock } from '../../../../../electron/core/kernel/systemClock';
import type { CustomerView } from '../../../../../shared/contract/customers';
import { insertCall } from '../../../../support/database/callRows';
import { tempDataDir } from '../../../../support/webHost';
import { MemorySettings, silentLogger } from '../../../../support/softphone/softphoneFixtures';

const agent: CallerContext = { role: 'agent', userId: 'li' };
const teamLead: CallerContext = { role: 'teamLead', userId: 'lead' };
const qa: CallerContext = { role: 'qa', userId: 'qa1' };

let store: Store;
let core: Core;

beforeAll(async () => {
  store = await openStore({ dataDir: tempDataDir('deskline-customers-') });
  core = await createTestCore({
    clock: systemClock,
    settings: new MemorySettings(),
    agentStates: { load: async () => null, save: async () => undefined },
    logger: silentLogger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'agent', userId: 'li' },
    customers: createCustomerStoreRepository(store),
    audit: createAuditLogStoreRepository(store),
  });
});
afterAll(async () => {
  await core?.close();
  await store?.close();
});

async function ok<T>(reply: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const envelope = await reply;
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

const save = (request: unknown, caller = agent) => ok<CustomerView>(core.dispatch('saveCustomer', request, caller));
const count = async (sql: string, params: Array<string | number> = []) => Number((await store.query(sql, params))[0]?.n);
const auditRows = (action: string) => store.query('SELECT * FROM audit_log WHERE action = ? ORDER BY id', [action]);

describe('creating and editing customers', () => {
  it('creates a customer with several numbers, each normalized, and records consent time (S-6)', async () => {
    const before = Date.now();
    const view = await save({
      name: '王芳',
      organisation: '上海华东贸易有限公司',
      numbers: [{ number: '+86 (138) 0013-5678', label: 'Mobile' }, { number: '021 6552 1234', label: 'Office' }],
      tags: ['VIP', 'VIP', '企业'],
      consent: true,
    });
    expect(view).toMatchObject({ name: '王芳', tags: ['VIP', '企业'], consent: true, openHandoffs: 0, openComplaints: 0, lastCalls: [] });
    expect(view.consentAt).toBeGreaterThanOrEqual(before);
    const stored = await store.query('SELECT number, label FROM customer_numbers WHERE customer_id = ? ORDER BY rowid', [view.customerId]);
    expect(stored).toEqual([
      { number: '+8613800135678', label: 'Mobile' },
      { number: '02165521234', label: 'Office' },
    ]);
    // S-6: the agent is on no call with her, so the reply already carries masked numbers.
    expect(view.numbers).toEqual([
      { index: 0, number: '+86 138****5678', masked: true, label: 'Mobile' },
      { index: 1, number: '021****1234', masked: true, label: 'Office' },
    ]);
    const [audit] = (await auditRows('customer.create')).filter((r) => r.subject === view.customerId);
    expect(audit).toMatchObject({ actor_id: 'li', actor_role: 'agent' });
  });

  it('edits: keeps a masked number by index, adds one, drops one; a stale edit is refused', async () => {
    const created = await save({ name: 'Alice Zhang', numbers: [{ number: '13900001111' }, { number: '13900002222' }], consent: true });
    const edited = await save({
      customerId: created.customerId,
      expectedUpdatedAt: created.updatedAt,
      name: 'Alice Zhang',
      numbers: [{ keep: 1, label: 'Home' }, { number: '139 0000 3333' }],
      tags: ['follow-up'],
      consent: true,
    });
    expect(edited.updatedAt).toBeGreaterThan(created.updatedAt);
    expect(edited.consentAt).toBe(created.consentAt); // consent time is when it was given, not the last edit
    const numbers = await store.query('SELECT number, label FROM customer_numbers WHERE customer_id = ? ORDER BY rowid', [created.customerId]);
    expect(numbers).toEqual([
      { number: '13900002222', label: 'Home' },
      { number: '13900003333', label: null },
    ]);
    // Someone else's edit from the old version would overwrite this one: refused, nothing changed.
    const stale = await core.dispatch(
      'saveCustomer',
      { customerId: created.customerId, expectedUpdatedAt: created.updatedAt, name: 'Alice Z.', numbers: [], consent: false },
      teamLead,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await store.query('SELECT name FROM customers WHERE id = ?', [created.customerId]))[0]?.name).toBe('Alice Zhang');

    const withdrawn = await save({ customerId: created.customerId, name: 'Alice Zhang', numbers: [{ keep: 0 }], consent: false });
    expect(withdrawn).toMatchObject({ consent: false, consentAt: null });
  });

  it('refuses a malformed number with a clear error and saves nothing (no half-saved record, no audit row)', async () => {
    const customersBefore = await count('SELECT count(*) AS n FROM customers');
    const numbersBefore = await count('SELECT count(*) AS n FROM customer_numbers');
    const auditBefore = await count('SELECT count(*) AS n FROM audit_log');
    const reply = await core.dispatch('saveCustomer', { name: '李雷', numbers: [{ number: '13800135678' }, { number: '138-abc-5678' }], consent: true }, agent);
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!reply.ok && reply.error.message).toMatch(/"138-abc-5678" is not a phone number: it contains letters/);

    const duplicate = await core.dispatch('saveCustomer', { name: '李雷', numbers: [{ number: '13800135678' }, { number: '138 0013 5678' }], consent: true }, agent);
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!duplicate.ok && duplicate.error.message).toMatch(/Number 2 is the same as an earlier number/);

    const keepMissing = await core.dispatch('saveCustomer', { name: '李雷', numbers: [{ keep: 0 }], consent: true }, agent);
    expect(keepMissing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    expect(await count('SELECT count(*) AS n FROM customers')).toBe(customersBefore);
    expect(await count('SELECT count(*) AS n FROM customer_numbers')).toBe(numbersBefore);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
  });

  it('an edit with a malformed number leaves the stored record as it was', async () => {
    const created = await save({ name: '韩梅梅', numbers: [{ number: '13700001234' }], consent: true });
    const reply = await core.dispatch('saveCustomer', { customerId: created.customerId, name: '韩梅梅 (new)', numbers: [{ keep: 0 }, { number: '+0086 137' }], consent: true }, agent);
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const view = await ok<CustomerView>(core.dispatch('getCustomer', { customerId: created.customerId }, teamLead));
    expect(view).toMatchObject({ name: '韩梅梅', numbers: [{ number: '13700001234' }], updatedAt: created.updatedAt });
  });

  it('QA reads but may not write (S-6 access by role)', async () => {
    expect(await core.dispatch('saveCustomer', { name: 'X', numbers: [], consent: false }, qa)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a number shared by several customers, history and masking', () => {
  let husband: CustomerView;
  let wife: CustomerView;
  const shared = '01065521234';
  const base = Date.UTC(2026, 10, 2, 2, 0, 0);

  beforeAll(async () => {
    husband = await save({ name: '张伟', numbers: [{ number: '010-6552-1234', label: 'Home' }, { number: '13811112222' }], consent: true });
    wife = await save({ name: '李娜', numbers: [{ number: '(010) 6552 1234' }], consent: true });
    await store.commit([
      insertCall({ id: 'h1', agentId: 'li', remoteNumber: shared, startedAt: base }),
      insertCall({ id: 'h2', agentId: 'wu', remoteNumber: '13811112222', startedAt: base + 60_000, notes: '询问账单' }),
      insertCall({ id: 'h3', agentId: 'li', direction: 'outbound', remoteNumber: '13811112222', startedAt: base + 120_000 }),
      insertCall({ id: 'h4', agentId: 'li', remoteNumber: shared, startedAt: base + 180_000 }),
      insertCall({ id: 'h5', agentId: 'li', remoteNumber: '13999999999', startedAt: base + 240_000 }),
      // The wife called from the shared number and the agent picked her: not the husband's call.
      { sql: 'UPDATE calls SET customer_id = ? WHERE id = ?', params: [wife.customerId, 'h4'] },
      {
        sql: `INSERT INTO handoffs (id, customer_id, owner_id, handler, requester_json, matter, status, created_at, updated_at)
              VALUES ('ho1', ?, 'li', 'billing', '{}', 'refund', 'open', 0, 0), ('ho2', ?, 'li', 'billing', '{}', 'old', 'closed', 0, 0)`,
        params: [husband.customerId, husband.customerId],
      },
      {
        sql: `INSERT INTO complaints (id, customer_id, channel, status, details, owner_id, received_at, due_at)
              VALUES ('cp1', ?, 'phone', 'accepted', 'late delivery', 'li', 0, 0)`,
        params: [husband.customerId],
      },
    ]);
  });

  it('a look-up by the shared number finds both, for the agent to pick', async () => {
    const matches = await ok<Array<{ customerId: string; name: string }>>(core.dispatch('lookupCustomersByNumber', { number: '010 6552 1234' }, agent));
    expect(matches.map((m) => m.name).sort()).toEqual(['张伟', '李娜']);
  });

  it('summaries count open handoffs and complaints and show the last three calls, newest first', async () => {
    const [summary] = await ok<Array<{ name: string; openHandoffs: number; openComplaints: number; lastCalls: Array<{ callId: string }> }>>(
      core.dispatch('lookupCustomersByNumber', { number: '13811112222' }, agent),
    );
    expect(summary).toMatchObject({ name: '张伟', openHandoffs: 1, openComplaints: 1 });
    expect(summary!.lastCalls.map((c) => c.callId)).toEqual(['h3', 'h2', 'h1']);
  });

  it('history spans all the customer’s numbers, newest first, a page at a time', async () => {
    type Page = { calls: Array<{ callId: string; number: string; notes: string }>; nextCursor: string | null };
    const first = await ok<Page>(core.dispatch('customerHistory', { customerId: husband.customerId, limit: 2 }, agent));
    expect(first.calls.map((c) => c.callId)).toEqual(['h3', 'h2']);
    expect(first.nextCursor).not.toBeNull();
    const second = await ok<Page>(core.dispatch('customerHistory', { customerId: husband.customerId, limit: 2, cursor: first.nextCursor }, agent));
    expect(second).toMatchObject({ calls: [{ callId: 'h1' }], nextCursor: null });
    expect(first.calls[1]).toMatchObject({ notes: '询问账单', number: '138****2222' });
    const hers = await ok<Page>(core.dispatch('customerHistory', { customerId: wife.customerId }, agent));
    expect(hers.calls.map((c) => c.callId)).toEqual(['h4', 'h1']);
    expect(await core.dispatch('customerHistory', { customerId: wife.customerId, cursor: 'nonsense' }, agent)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('S-6: masks numbers for an agent off the call and for QA; a team lead sees them in full', async () => {
    const numbersFor = async (caller: CallerContext) =>
      (await ok<CustomerView>(core.dispatch('getCustomer', { customerId: husband.customerId }, caller))).numbers.map((n) => [n.number, n.masked]);
    expect(await numbersFor(agent)).toEqual([
      ['010****1234', true],
      ['138****2222', true],
    ]);
    expect(await numbersFor(qa)).toEqual([
      ['010****1234', true],
      ['138****2222', true],
    ]);
    expect(await numbersFor(teamLead)).toEqual([
      ['01065521234', false],
      ['13811112222', false],
    ]);
    const history = await ok<{ calls: Array<{ number: string }> }>(core.dispatch('customerHistory', { customerId: husband.customerId }, qa));
    expect(history.calls.every((c) => c.number.includes('*'))).toBe(true);
  });

  it('every view is audited with actor, role, action and subject (S-6)', async () => {
    const auditBefore = await count('SELECT count(*) AS n FROM audit_log');
    await ok(core.dispatch('getCustomer', { customerId: wife.customerId }, qa));
    await ok(core.dispatch('customerHistory', { customerId: wife.customerId }, teamLead));
    await ok(core.dispatch('searchCustomers', { query: '李娜' }, agent));
    const rows = await store.query('SELECT actor_id, actor_role, action, subject, detail_json FROM audit_log ORDER BY id');
    expect(rows.slice(auditBefore)).toEqual([
      expect.objectContaining({ actor_id: 'qa1', actor_role: 'qa', action: 'customer.view', subject: wife.customerId }),
      expect.objectContaining({ actor_id: 'lead', actor_role: 'teamLead', action: 'customer.history', subject: wife.customerId }),
      expect.objectContaining({ actor_id: 'li', actor_role: 'agent', action: 'customer.search', subject: null }),
    ]);
    expect(JSON.parse(String(rows.at(-1)!.detail_json))).toEqual({ query: '李娜', customerIds: [wife.customerId] });
  });

  it('search finds by Chinese name and by number (masked in the audit detail)', async () => {
    const byName = await ok<Array<{ name: string }>>(core.dispatch('searchCustomers', { query: '张伟' }, agent));
    expect(byName.map((c) => c.name)).toEqual(['张伟']);
    const byNumber = await ok<Array<{ name: string }>>(core.dispatch('searchCustomers', { query: '138 1111 2222' }, agent));
    expect(byNumber.map((c) => c.name)).toEqual(['张伟']);
    const [last] = await store.query("SELECT detail_json FROM audit_log WHERE action = 'customer.search' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(String(last!.detail_json)).query).toBe('138****2222');
  });

  it('an unknown customer is NOT_FOUND; dialling needs a softphone', async () => {
    expect(await core.dispatch('getCustomer', { customerId: 'nobody' }, agent)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('dialCustomer', { customerId: husband.customerId, index: 0 }, agent)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
