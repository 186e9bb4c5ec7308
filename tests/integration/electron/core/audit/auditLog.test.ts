// The audit log you can read (S-6, issue 13), through the core's dispatcher over a real sql.js
// store: filters and pages, admins only (refused in the main process for every other role), the
// CSV export (itself audited), and the entries the contract declares for settings and backups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../electron/adapters/store/engine/store';
import { createAuditLogStoreRepository } from '../../../../../electron/adapters/store/repositories/audit/auditLogRepository';
import type { AuditEntry } from '../../../../../electron/core/audit/ports';
import type { Core } from '../../../../../electron/core/createCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import { systemClock } from '../../../../../electron/core/kernel/systemClock';
import type { ExportAuditLogReply, ListAuditLogReply } from '../../../../../shared/contract/auditLog';
import { roles } from '../../../../../shared/contract/roles';
import { createTestCore } from '../../../../support/core/testCore';
import { MemorySettings, silentLogger } from '../../../../support/softphone/softphoneFixtures';
import { tempDataDir } from '../../../../support/webHost';

const admin: CallerContext = { role: 'admin', userId: 'admin-1' };
const lead: CallerContext = { role: 'teamLead', userId: 'lead-1' };
const day = (d: number, hourUtc = 2) => Date.UTC(2026, 10, d, hourUtc);
const seeded: AuditEntry[] = [
  { at: day(20), actorId: 'a1', actorRole: 'agent', action: 'customer.view', subject: 'cust-1', detail: null },
  { at: day(21), actorId: 'a1', actorRole: 'agent', action: 'calls.search', subject: null, detail: { text: '退款' } },
  { at: day(22), actorId: 'a2', actorRole: 'agent', action: 'customer.update', subject: 'cust-1', detail: { fields: ['name'] } },
  { at: day(23), actorId: 'lead-1', actorRole: 'teamLead', action: 'calls.export', subject: '=cmd|calc', detail: { count: 3, note: 'a "quoted", line' } },
];

let store: Store;
let core: Core;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir('deskline-audit-core-');
  store = await openStore({ dataDir });
  const log = createAuditLogStoreRepository(store);
  for (const entry of seeded) await log.record(entry);
  core = await createTestCore({
    store,
    dataDir,
    clock: systemClock,
    settings: new MemorySettings(),
    agentStates: { load: async () => null, save: async () => undefined },
    logger: silentLogger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'admin', userId: 'admin-1' },
  });
});
afterAll(async () => {
  await core?.close();
  await store?.close();
});

async function call<T>(method: string, request: unknown, caller: CallerContext = admin): Promise<T> {
  const reply = await core.dispatch(method, request, caller);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}
const list = (request: Record<string, unknown>) => call<ListAuditLogReply>('listAuditLog', request);
const ids = async (request: Record<string, unknown>) => (await list({ pageSize: 200, ...request })).rows.map((r) => r.id);

describe('listing the audit log', () => {
  it('filters by actor, exact action, action family, subject and dates (UTC edges), newest first', async () => {
    expect(await ids({ actorId: 'a1', to: '2026-11-23T00:00:00Z' })).toEqual([2, 1]);
    expect(await ids({ action: 'customer.view' })).toEqual([1]);
    expect(await ids({ action: 'customer.', to: '2026-11-23T00:00:00Z' })).toEqual([3, 1]);
    expect(await ids({ subject: 'cust-1', to: '2026-11-30T00:00:00Z' })).toEqual([3, 1]);
    expect(await ids({ from: '2026-11-21T00:00:00Z', to: '2026-11-23T00:00:00Z' })).toEqual([3, 2]);
  });

  it('pages with a total over all pages, and shows each row as recorded', async () => {
    const first = await list({ to: '2026-11-24T00:00:00Z', pageSize: 3 });
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.rows.map((r) => r.id)).toEqual([4, 3, 2]);
    const second = await list({ to: '2026-11-24T00:00:00Z', pageSize: 3, page: 2 });
    expect(second.rows).toEqual([{ id: 1, at: day(20), actorId: 'a1', actorRole: 'agent', action: 'customer.view', subject: 'cust-1', detail: null }]);
    expect((await list({ actorId: 'a1', action: 'calls.search' })).rows[0]!.detail).toBe('{"text":"退款"}');
  });

  it('refuses bad input with a clear message and reads nothing', async () => {
    await expect(list({ from: '2026-11-23', to: '2026-11-20' })).rejects.toThrow(/VALIDATION: .*comes after its end/);
    await expect(list({ pageSize: 1000 })).rejects.toThrow(/VALIDATION: .*At most 200 rows a page/);
    await expect(list({ actorId: 'a1', sort: 'id' })).rejects.toThrow(/VALIDATION/);
  });
});

describe('who may read it (S-6: admins only, enforced in the main process)', () => {
  it('refuses every other role for both methods', async () => {
    for (const role of roles.filter((r) => r !== 'admin')) {
      for (const method of ['listAuditLog', 'exportAuditLog']) {
        const reply = await core.dispatch(method, method === 'exportAuditLog' ? { format: 'csv' } : {}, { role, userId: `u-${role}` });
        expect(reply, `${role} ${method}`).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: `Role "${role}" may not call ${method}.` } });
      }
    }
  });
});

describe('exporting it as CSV', () => {
  it('writes the matching rows oldest first with the call export rules, and records the export itself', async () => {
    const file = await call<ExportAuditLogReply>('exportAuditLog', { format: 'csv', to: '2026-11-24T00:00:00Z', actorId: 'lead-1' });
    expect(file.count).toBe(1);
    expect(file.fileName).toMatch(/^deskline-audit-\d{4}-\d{2}-\d{2}T\d{4}\.csv$/);
    const lines = file.content.split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,at,actor_id,actor_role,action,subject,detail');
    // The formula-like subject is guarded; the detail with commas and quotes is quoted (RFC 4180).
    expect(lines[1]).toMatch(/^4,2026-11-23T\d{2}:00:00[+-]\d{2}:\d{2},lead-1,teamLead,calls\.export,'=cmd\|calc,"\{""count"":3,""note"":""a \\""quoted\\"", line""\}"$/);
    expect(lines[2]).toBe('');

    const recorded = await list({ action: 'audit.export' });
    expect(recorded.rows).toHaveLength(1);
    expect(recorded.rows[0]).toMatchObject({ actorId: 'admin-1', actorRole: 'admin', subject: file.fileName });
    expect(JSON.parse(recorded.rows[0]!.detail!)).toEqual({ to: '2026-11-24T00:00:00Z', actorId: 'lead-1', format: 'csv', count: 1 });
  });
});

describe('entries the contract declares (settings, backups)', () => {
  it('records a settings change with the names of the fields, never their values', async () => {
    const settings = await call<Record<string, unknown>>('getClockSettings', {}, lead);
    await call('saveClockSettings', settings, lead);
    const account = { serverUrl: 'ws://127.0.0.1:9/ws', sipUri: 'sip:1001@deskline.test', authUser: '', displayName: '', iceServers: [], declineCode: 603, dtmfMode: 'rfc4733', rejectCallWaiting: false };
    await call('saveSoftphoneSettings', { ...account, password: 's3cret-pw' }, { role: 'agent', userId: 'a9' });

    const rows = (await list({ action: 'settings.change' })).rows;
    expect(rows.map((r) => [r.subject, r.actorId, r.actorRole])).toEqual([['saveSoftphoneSettings', 'a9', 'agent'], ['saveClockSettings', 'lead-1', 'teamLead']]);
    expect(JSON.parse(rows[1]!.detail!)).toEqual({ method: 'saveClockSettings', fields: Object.keys(settings).sort() });
    expect(JSON.parse(rows[0]!.detail!).fields).toContain('password');
    const everything = await store.query('SELECT * FROM audit_log');
    expect(JSON.stringify(everything)).not.toContain('s3cret-pw');
  });

  it('does not record a settings change that was refused', async () => {
    const before = (await list({ action: 'settings.change' })).total;
    const refused = await core.dispatch('saveWorkingCalendar', { nonsense: true }, lead);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await list({ action: 'settings.change' })).total).toBe(before);
  });

  it('records a backup with its file name', async () => {
    const backup = await call<{ fileName: string; bytes: number }>('backupNow', {}, lead);
    const rows = (await list({ action: 'backup.create' })).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: 'lead-1', subject: backup.fileName });
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ method: 'backupNow', bytes: backup.bytes });
  });
});
