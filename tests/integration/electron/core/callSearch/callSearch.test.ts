// Call search and the UI export through the core's dispatcher over a real sql.js store: Chinese and
// English text in notes and in the call's customer, filters, pages, S-6 masking per role, the
// audit log, and bad input refused with a message that says what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLogStoreRepository } from '../../../../../electron/adapters/store/repositories/audit/auditLogRepository';
import { createCallSearchStoreRepository } from '../../../../../electron/adapters/store/repositories/callSearch/callSearchRepository';
import { openStore, type Store } from '../../../../../electron/adapters/store/engine/store';
import type { Core } from '../../../../../electron/core/createCore';
import { createTestCore } from '../../../../support/core/testCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import { systemClock } from '../../../../../electron/core/kernel/systemClock';
import type { SearchCallsReply } from '../../../../../shared/contract/callSearch';
import { localTime, refundBatch, seedSearchableCalls } from '../../../../support/database/searchableCalls';
import { tempDataDir } from '../../../../support/webHost';
import { MemorySettings, silentLogger } from '../../../../support/softphone/softphoneFixtures';

const agent: CallerContext = { role: 'agent', userId: 'a1' };
const qa: CallerContext = { role: 'qa', userId: 'q1' };
const lead: CallerContext = { role: 'teamLead', userId: 't1' };

let store: Store;
let core: Core;

beforeAll(async () => {
  store = await openStore({ dataDir: tempDataDir('deskline-callsearch-') });
  await seedSearchableCalls(store, refundBatch(25));
  core = await createTestCore({
    clock: systemClock,
    settings: new MemorySettings(),
    agentStates: { load: async () => null, save: async () => undefined },
    logger: silentLogger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'agent', userId: 'a1' },
    callSearch: createCallSearchStoreRepository(store),
    audit: createAuditLogStoreRepository(store),
  });
});
afterAll(async () => {
  await core?.close();
  await store?.close();
});

async function search(request: Record<string, unknown>, caller: CallerContext = lead): Promise<SearchCallsReply> {
  const reply = await core.dispatch('searchCalls', request, caller);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as SearchCallsReply;
}
const ids = async (request: Record<string, unknown>) => (await search({ pageSize: 100, ...request })).rows.map((r) => r.callId);
const rejected = async (method: 'searchCalls' | 'exportCalls', request: Record<string, unknown>, caller = lead) => {
  const reply = await core.dispatch(method, request, caller);
  if (reply.ok) throw new Error(`${method} accepted ${JSON.stringify(request)}`);
  return reply.error;
};

describe('search in both languages', () => {
  it('finds a Chinese word in notes, and not where its characters are apart (退货后款项)', async () => {
    expect(await ids({ text: '退款', to: '2026-11-03' })).toEqual(['s5', 's1']);
  });
  it('finds English words case-insensitively and by prefix, newest first', async () => {
    expect(await ids({ text: 'refund', to: '2026-11-03' })).toEqual(['s5', 's2']);
    expect(await ids({ text: 'REFU', to: '2026-11-03' })).toEqual(['s5', 's2']);
  });
  it('requires every term of a mixed query', async () => {
    expect(await ids({ text: 'refund 退款', to: '2026-11-03' })).toEqual(['s5']);
    expect(await ids({ text: 'refund 路由器' })).toEqual([]);
  });
  it('finds calls by their customer: Chinese name, organisation and notes, English name', async () => {
    expect(await ids({ text: '小明' })).toEqual(['s3']);
    expect(await ids({ text: '华东贸易' })).toEqual(['s3']);
    expect(await ids({ text: '投诉' })).toEqual(['s6']);
    expect(await ids({ text: 'northwind' })).toEqual(['s6']);
  });
  it('shows an excerpt of the notes around the searched term', async () => {
    const long = `${'x '.repeat(100)}the customer wants a refund today ${'y '.repeat(100)}`;
    await store.commit([{ sql: "UPDATE calls SET notes = ? WHERE id = 's7'", params: [long] }]);
    const [row] = (await search({ text: 'refund', from: '2026-11-03', to: '2026-11-03', agentId: 'a1', direction: 'inbound' })).rows;
    expect(row?.callId).toBe('s7');
    expect(row?.notesExcerpt).toMatch(/^….*refund today.*…$/);
    expect(Array.from(row!.notesExcerpt).length).toBeLessThanOrEqual(122);
  });
});

describe('filters and pages', () => {
  it('filters without text: date range (whole local days), agent, category, disposition, direction', async () => {
    expect(await ids({ from: '2026-11-03', to: '2026-11-03' })).toEqual(['s9', 's8', 's7', 's6', 's5']);
    expect(await ids({ to: '2026-11-02', agentId: 'a2' })).toEqual(['s4', 's3']);
    expect(await ids({ category: 'complaint' })).toEqual(['s4', 's1']);
    expect(await ids({ disposition: 'callback' })).toEqual(['s5', 's1']);
    expect(await ids({ direction: 'outbound' })).toEqual(['s5', 's3']);
    expect(await ids({ text: '退款', direction: 'outbound' })).toEqual(['s5']);
  });
  it('takes an exact ISO time as a range edge', async () => {
    const from = new Date(localTime(3, 23, 59)).toISOString();
    expect(await ids({ from })).toEqual([...refundBatch(25).map((c) => c.id).reverse(), 's9']);
    expect(await ids({ from, to: '2026-11-03' })).toEqual(['s9']);
  });
  it('pages with a total, newest first, each call on exactly one page', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search({ text: 'refund', from: '2026-11-04', page, pageSize: 10 })));
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25, 25]);
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 5, 0]);
    const all = pages.flatMap((p) => p.rows.map((r) => r.callId));
    expect(all).toEqual(refundBatch(25).map((c) => c.id).reverse());
    const times = pages.flatMap((p) => p.rows.map((r) => r.startedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
  it('offers the configured categories with labels, plus ones still on old calls', async () => {
    const reply = await core.dispatch('getCallSearchOptions', {}, agent);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const options = reply.value as { agents: string[]; categories: Array<{ id: string; zh: string }> };
    expect(options.agents).toEqual(['a1', 'a2', 'a3']);
    expect(options.categories.find((c) => c.id === 'complaint')?.zh).toBe('投诉');
    expect(options.categories.at(-1)).toEqual({ id: 'legacyBilling', en: 'legacyBilling', zh: 'legacyBilling' });
    expect(await ids({ category: 'legacyBilling' })).toEqual(['s8']);
  });
});

describe('S-6: numbers by role, and the audit log', () => {
  it('masks numbers for agents and QA, shows them to team leads', async () => {
    const forAgent = await search({ text: '退款', to: '2026-11-03' }, agent);
    expect(forAgent.rows.map((r) => r.remoteNumber)).toEqual(['138****5678', '138****5678']);
    expect(forAgent.numbersMasked).toBe(true);
    const forQa = await search({ text: '小明' }, qa);
    expect(forQa.rows[0]?.remoteNumber).toBe('+86 137****1111');
    const forLead = await search({ text: '退款', to: '2026-11-03' }, lead);
    expect(forLead.rows.map((r) => r.remoteNumber)).toEqual(['13800135678', '13800135678']);
    expect(forLead.numbersMasked).toBe(false);
  });
  it('writes every search to the audit log with who, what and which calls were shown', async () => {
    await search({ text: 'northwind' }, qa);
    const [row] = await store.query("SELECT actor_id, actor_role, action, detail_json FROM audit_log WHERE action = 'calls.search' ORDER BY id DESC LIMIT 1");
    expect(row).toMatchObject({ actor_id: 'q1', actor_role: 'qa', action: 'calls.search' });
    expect(JSON.parse(String(row?.detail_json))).toMatchObject({ text: 'northwind', total: 1, shown: ['s6'], numbersMasked: true });
  });
});

describe('export from the UI', () => {
  it('exports a date range as CSV with masked numbers by default, and audits it', async () => {
    const reply = await core.dispatch('exportCalls', { from: '2026-11-02', to: '2026-11-02', format: 'csv' }, agent);
    if (!reply.ok) throw new Error(reply.error.message);
    const file = reply.value as { fileName: string; content: string; count: number };
    expect(file.fileName).toBe('deskline-calls-2026-11-02-to-2026-11-02.csv');
    expect(file.count).toBe(4);
    const lines = file.content.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('call_id,agent_id,direction,remote_number,started_at,answered_at,ended_at,ring_count,answered_within_three_rings,hold_seconds,talk_seconds,wrap_seconds,category,disposition,satisfaction,notes');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['s1', 's2', 's3', 's4']);
    expect(lines[1]).toContain(',138****5678,');
    expect(file.content).not.toContain('13800135678');
    const [audit] = await store.query("SELECT actor_id, subject, detail_json FROM audit_log WHERE action = 'calls.export' ORDER BY id DESC LIMIT 1");
    expect(audit).toMatchObject({ actor_id: 'a1', subject: file.fileName });
    expect(JSON.parse(String(audit?.detail_json))).toMatchObject({ format: 'csv', fullNumbers: false, count: 4 });
  });
  it('gives team leads full numbers in JSON when asked, and refuses them to agents', async () => {
    const reply = await core.dispatch('exportCalls', { from: '2026-11-03', to: '2026-11-03', format: 'json', fullNumbers: true }, lead);
    if (!reply.ok) throw new Error(reply.error.message);
    const records = JSON.parse((reply.value as { content: string }).content) as Array<{ call_id: string; remote_number: string }>;
    expect(records.map((r) => r.call_id)).toEqual(['s5', 's6', 's7', 's8', 's9']);
    expect(records[0]?.remote_number).toBe('13800135678');
    const error = await rejected('exportCalls', { from: '2026-11-03', to: '2026-11-03', format: 'json', fullNumbers: true }, agent);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/full customer numbers/);
  });
});

describe('bad input is refused with a clear error', () => {
  it('an impossible date, a date in another shape, and from after to', async () => {
    expect(await rejected('searchCalls', { from: '2026-02-30' })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/February 2026 has 28 days/) });
    expect(await rejected('searchCalls', { to: '03/11/2026' })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/2026-11-23/) });
    expect(await rejected('searchCalls', { from: '2026-11-03', to: '2026-11-02' })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/start must come first/) });
    expect(await rejected('exportCalls', { from: '2026-11-03', to: '2026-11-01', format: 'csv' })).toMatchObject({ code: 'VALIDATION' });
  });
  it('an unknown category or disposition names the known ones', async () => {
    const error = await rejected('searchCalls', { category: 'refunds' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/Unknown category "refunds"/);
    expect(error.message).toMatch(/consultation, complaint, repair/);
    expect(await rejected('searchCalls', { disposition: 'lost' })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Unknown disposition "lost"/) });
  });
  it('an unknown direction or format, a page too large, text with nothing to search for', async () => {
    expect(await rejected('searchCalls', { direction: 'sideways' })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/inbound" or "outbound/) });
    expect(await rejected('exportCalls', { from: '2026-11-01', to: '2026-11-02', format: 'xlsx' })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/csv" or "json/) });
    expect(await rejected('searchCalls', { pageSize: 101 })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/At most 100/) });
    expect(await rejected('searchCalls', { text: '?!…' })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/letters, digits or Chinese/) });
  });
  it('writes nothing to the audit log for a refused request', async () => {
    const before = await store.query('SELECT count(*) AS n FROM audit_log');
    await rejected('searchCalls', { category: 'refunds' });
    await rejected('exportCalls', { from: '2026-11-03', to: '2026-11-03', format: 'csv', fullNumbers: true }, qa);
    expect(await store.query('SELECT count(*) AS n FROM audit_log')).toEqual(before);
  });
});
