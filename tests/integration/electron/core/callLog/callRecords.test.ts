// Call records through the contract on a real store (S-3): notes saved as revisions, amendments
// after the record closes, category/disposition from the configured lists, bad input refused with
// nothing half-saved, and a required disposition blocking the end of wrap-up.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../electron/adapters/store/engine/store';
import { openContractSocket, type ContractSocket } from '../../../../support/contractSocket';
import { startWebHost, tempDataDir, type RunningWebHost } from '../../../../support/webHost';

const running: RunningWebHost[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.stop()));
});

/** A data dir holding one finished call, as the call log writes it. */
async function dataDirWithCall(callId: string): Promise<string> {
  const dataDir = tempDataDir('deskline-records-');
  const store = await openStore({ dataDir });
  await store.commit([
    {
      sql: `INSERT INTO calls (id, agent_id, direction, remote_number, outcome, started_at, answered_at, ended_at)
            VALUES (?, 'local', 'inbound', '13812345678', 'answered', ?, ?, ?)`,
      params: [callId, Date.UTC(2026, 10, 23, 1), Date.UTC(2026, 10, 23, 1, 0, 10), Date.UTC(2026, 10, 23, 1, 5)],
    },
  ]);
  await store.close();
  return dataDir;
}

async function host(dataDir: string, role = 'agent'): Promise<{ socket: ContractSocket; host: RunningWebHost }> {
  const started = await startWebHost({ dataDir, lang: 'en', extraArgs: ['--role', role] });
  running.push(started);
  return { socket: await openContractSocket(started), host: started };
}

async function value<T = Record<string, unknown>>(socket: ContractSocket, method: string, payload: unknown): Promise<T> {
  const reply = await socket.request(method, payload);
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.code} ${reply.error?.message}`);
  return reply.value as T;
}

describe('call records', () => {
  it('saves every note change as a revision; after the call they are amendments; the latest text survives a restart', async () => {
    const dataDir = await dataDirWithCall('call-1');
    const first = await host(dataDir);
    // The call and its wrap-up are over: this record is closed, so each save is an amendment.
    expect(await value(first.socket, 'getCallRecordForm', { callId: 'call-1' })).toMatchObject({ note: { text: '', revision: 0 }, closed: true });
    await value(first.socket, 'saveCallNote', { callId: 'call-1', text: '客户要求退款' });
    const second = await value(first.socket, 'saveCallNote', { callId: 'call-1', text: '客户要求退款 refund by Friday' });
    expect(second).toMatchObject({ revision: 2, isAmendment: true });
    // Saving the same text again adds no revision.
    expect(await value(first.socket, 'saveCallNote', { callId: 'call-1', text: '客户要求退款 refund by Friday' })).toMatchObject({ revision: 2 });
    await first.host.stop();

    const again = await host(dataDir);
    expect(await value(again.socket, 'getCallRecordForm', { callId: 'call-1' })).toMatchObject({
      note: { text: '客户要求退款 refund by Friday', revision: 2, amended: true },
    });
    const revisions = await value<Array<{ revision: number; text: string; isAmendment: boolean; authorId: string }>>(again.socket, 'listNoteRevisions', { callId: 'call-1' });
    // Issue 13: the author is the person signed in on the connection that saved (the harness's agent).
    const author = first.host.person.user;
    expect(revisions.map((r) => [r.revision, r.text, r.isAmendment, r.authorId])).toEqual([
      [1, '客户要求退款', true, author],
      [2, '客户要求退款 refund by Friday', true, author],
    ]);
  });

  it('refuses an oversized or binary note, an unknown category and an unknown call, and keeps what was saved', async () => {
    const { socket } = await host(await dataDirWithCall('call-2'));
    await value(socket, 'saveCallNote', { callId: 'call-2', text: 'first words' });
    const tooLong = await socket.request('saveCallNote', { callId: 'call-2', text: 'x'.repeat(64 * 1024 + 1) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(tooLong.error?.message).toMatch(/limit is 64 KiB/);
    const binary = await socket.request('saveCallNote', { callId: 'call-2', text: 'PK\u0003\u0004\u0000' });
    expect(binary.error?.message).toMatch(/binary data/);
    const unknownCategory = await socket.request('setCallClassification', { callId: 'call-2', category: 'lottery', disposition: null });
    expect(unknownCategory).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(unknownCategory.error?.message).toMatch(/Unknown category "lottery"/);
    expect(await socket.request('saveCallNote', { callId: 'no-such-call', text: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await value(socket, 'getCallRecordForm', { callId: 'call-2' })).toMatchObject({ note: { text: 'first words', revision: 1 }, category: null });
  });

  it('sets category and disposition from the lists a team lead configures; agents may not change the lists', async () => {
    const dataDir = await dataDirWithCall('call-3');
    const lead = await host(dataDir, 'teamLead');
    const settings = await value<{ categories: Array<{ id: string }> }>(lead.socket, 'getCallRecordSettings', {});
    expect(settings.categories.map((c) => c.id)).toEqual(['consultation', 'complaint', 'repair', 'suggestion', 'praise', 'other']);
    await value(lead.socket, 'saveCallRecordSettings', {
      ...settings,
      categories: [...settings.categories, { id: 'billing', en: 'Billing', zh: '账单' }],
      dispositionRequired: true,
    });
    const duplicate = await lead.socket.request('saveCallRecordSettings', { ...settings, categories: [{ id: 'a', en: 'A', zh: 'A' }, { id: 'a', en: 'B', zh: 'B' }] });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await lead.host.stop();

    const agent = await host(dataDir);
    expect(await value(agent.socket, 'setCallClassification', { callId: 'call-3', category: 'billing', disposition: 'callback' })).toMatchObject({
      category: 'billing',
      disposition: 'callback',
    });
    expect(await agent.socket.request('saveCallRecordSettings', settings)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Two quick choices, sent together, each setting one field: neither undoes the other.
    await Promise.all([
      value(agent.socket, 'setCallClassification', { callId: 'call-3', category: 'complaint' }),
      value(agent.socket, 'setCallClassification', { callId: 'call-3', disposition: 'resolved' }),
    ]);
    expect(await value(agent.socket, 'getCallRecordForm', { callId: 'call-3' })).toMatchObject({ category: 'complaint', disposition: 'resolved' });
    await value(agent.socket, 'setCallClassification', { callId: 'call-3', category: 'billing', disposition: 'callback' });
    await agent.host.stop();

    const store = await openStore({ dataDir });
    expect(await store.query('SELECT category, disposition, is_complaint FROM calls WHERE id = ?', ['call-3'])).toEqual([
      { category: 'billing', disposition: 'callback', is_complaint: 0 },
    ]);
    await store.close();
  });
});
