// S-6: a role that sees numbers masked cannot recover them through search. The attack of issue 12,
// run as QA over the real store: guess the caller's number one digit at a time with prefix
// searches, keeping each digit whose search still finds the call (about 45 searches for an
// 11-digit number). Masked roles now find a number only by the whole number, every miss is
// audited, and a display name that is a number is masked and out of reach the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLogStoreRepository } from '../../../../../electron/adapters/store/repositories/audit/auditLogRepository';
import { createCallSearchStoreRepository } from '../../../../../electron/adapters/store/repositories/callSearch/callSearchRepository';
import { createCustomerStoreRepository } from '../../../../../electron/adapters/store/repositories/customers/customerRepository';
import { openStore, type Store } from '../../../../../electron/adapters/store/engine/store';
import type { Core } from '../../../../../electron/core/createCore';
import { createTestCore } from '../../../../support/core/testCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import { systemClock } from '../../../../../electron/core/kernel/systemClock';
import type { SearchCallsReply } from '../../../../../shared/contract/callSearch';
import { insertCall } from '../../../../support/database/callRows';
import { tempDataDir } from '../../../../support/webHost';
import { MemorySettings, silentLogger } from '../../../../support/softphone/softphoneFixtures';

const qa: CallerContext = { role: 'qa', userId: 'q-attacker' };
const agent: CallerContext = { role: 'agent', userId: 'a-attacker' };
const lead: CallerContext = { role: 'teamLead', userId: 't1' };
const secretNumber = '13912345678';
const secretName = '13987654321';
const t0 = Date.UTC(2026, 10, 2, 1, 0, 0);

let store: Store;
let core: Core;

beforeAll(async () => {
  store = await openStore({ dataDir: tempDataDir('deskline-number-oracle-') });
  await store.commit([
    insertCall({ id: 'target', agentId: 'a1', remoteNumber: secretNumber, remoteName: secretName, startedAt: t0, notes: 'asked about the bill' }),
    insertCall({ id: 'other', agentId: 'a1', remoteNumber: '+8613800135678', startedAt: t0 + 60_000, notes: 'order 20261102 refund' }),
  ]);
  core = await createTestCore({
    clock: systemClock,
    settings: new MemorySettings(),
    agentStates: { load: async () => null, save: async () => undefined },
    logger: silentLogger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'qa', userId: 'q-attacker' },
    callSearch: createCallSearchStoreRepository(store),
    customers: createCustomerStoreRepository(store),
    audit: createAuditLogStoreRepository(store),
  });
});
afterAll(async () => {
  await core?.close();
  await store?.close();
});

async function search(text: string, caller: CallerContext): Promise<SearchCallsReply> {
  const reply = await core.dispatch('searchCalls', { text, pageSize: 100 }, caller);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as SearchCallsReply;
}

/** Digit by digit: keep the digit whose prefix search still finds the call. */
async function prefixAttack(caller: CallerContext, callId: string): Promise<{ recovered: string; searches: number }> {
  let recovered = '';
  let searches = 0;
  for (let position = 0; position < 11; position++) {
    let found = false;
    for (let digit = 0; digit <= 9 && !found; digit++) {
      searches++;
      const reply = await search(recovered + String(digit), caller);
      if (reply.rows.some((r) => r.callId === callId)) {
        recovered += String(digit);
        found = true;
      }
    }
    if (!found) break;
  }
  return { recovered, searches };
}

describe('S-6: the prefix attack on a masked number', () => {
  it('recovers nothing of the number or of a number-like display name, as QA or as an agent', async () => {
    for (const attacker of [qa, agent]) {
      // "1" alone is too short to be a number and matches no notes; the guesses go nowhere.
      expect(await prefixAttack(attacker, 'target')).toEqual({ recovered: '', searches: 10 });
      // Fragments from the middle or the end do not match either.
      for (const fragment of ['1234', '5678', '12345678', '87654321', '139123']) expect((await search(fragment, attacker)).total).toBe(0);
    }
  });

  it('finds the call by the whole number, in any form it is written, and shows it masked', async () => {
    for (const written of [secretNumber, '+86 139 1234 5678', '0086-139-1234-5678']) {
      const reply = await search(written, qa);
      expect(reply.rows.map((r) => r.callId)).toEqual(['target']);
      expect(reply.rows[0]).toMatchObject({ remoteNumber: '139****5678', remoteName: '139****4321' });
      expect(reply.numbersMasked).toBe(true);
    }
    // The stored form differs from the typed one: +8613800135678 found by the national number.
    expect((await search('13800135678', qa)).rows.map((r) => r.callId)).toEqual(['other']);
    // Notes, which QA reads in full, are still searched by prefix, digits included.
    expect((await search('2026110', qa)).rows.map((r) => r.callId)).toEqual(['other']);
    expect((await search('bil', qa)).rows.map((r) => r.callId)).toEqual(['target']);
  });

  it('audits every number search, the misses included, with who searched', async () => {
    const before = await store.query("SELECT count(*) AS n FROM audit_log WHERE actor_id = 'q-attacker' AND action = 'calls.search'");
    await search('13900000000', qa);
    const rows = await store.query("SELECT actor_role, detail_json FROM audit_log WHERE actor_id = 'q-attacker' AND action = 'calls.search' ORDER BY id DESC LIMIT 1");
    expect(Number((await store.query("SELECT count(*) AS n FROM audit_log WHERE actor_id = 'q-attacker' AND action = 'calls.search'"))[0]?.n)).toBe(Number(before[0]?.n) + 1);
    expect(rows[0]?.actor_role).toBe('qa');
    expect(JSON.parse(String(rows[0]?.detail_json))).toMatchObject({ text: '13900000000', numberSearch: 'exact', total: 0, shown: [] });
  });

  it('leaves team leads, who see numbers in full, their prefix search', async () => {
    expect((await search('1391', lead)).rows).toMatchObject([{ callId: 'target', remoteNumber: secretNumber, remoteName: secretName }]);
    expect((await prefixAttack(lead, 'target')).recovered).toBe(secretNumber);
  });
});

describe('S-6: customer search by number', () => {
  it('matches a customer only by the whole number and audits a masked role’s misses', async () => {
    const saved = await core.dispatch('saveCustomer', { name: '李雷', numbers: [{ number: '13711112222' }], consent: true }, lead);
    expect(saved.ok).toBe(true);
    const find = async (query: string) => {
      const reply = await core.dispatch('searchCustomers', { query }, qa);
      if (!reply.ok) throw new Error(reply.error.message);
      return (reply.value as Array<{ name: string }>).map((c) => c.name);
    };
    for (const prefix of ['137', '1371', '13711', '1111', '2222']) expect(await find(prefix)).toEqual([]);
    expect(await find('+86 137 1111 2222')).toEqual(['李雷']);
    const misses = await store.query("SELECT detail_json FROM audit_log WHERE actor_id = 'q-attacker' AND action = 'customer.search' ORDER BY id");
    expect(misses.map((r) => JSON.parse(String(r.detail_json)) as { query: string; customerIds: string[] })).toEqual([
      ...['137', '1371', '13711', '1111', '2222'].map(() => ({ query: expect.any(String) as string, numberSearch: 'exact', customerIds: [] })),
      { query: '+86 137****2222', numberSearch: 'exact', customerIds: [expect.any(String) as string] },
    ]);
    // The look-up by number (screen-pop style) audits a masked role's misses the same way.
    expect(await core.dispatch('lookupCustomersByNumber', { number: '13700000000' }, qa)).toMatchObject({ ok: true, value: [] });
    const [lookup] = await store.query("SELECT detail_json FROM audit_log WHERE actor_id = 'q-attacker' AND action = 'customer.lookup' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(String(lookup?.detail_json))).toEqual({ number: '137****0000', customerIds: [] });
  });
});
