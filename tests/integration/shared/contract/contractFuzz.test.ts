// Issue 12, fuzzing the contract: every method of shared/contract/api.ts gets at least 1,000
// generated payloads, valid and malformed, dispatched through the core's one dispatcher as every
// role, against the real core over a real sql.js store (the web host's own composition). Each call
// answers FORBIDDEN (role), VALIDATION, or a reply that parses; nothing throws out of dispatch,
// nothing is left as an unhandled rejection, a refused payload changes no table and no file, and
// afterwards everything stored reads back through the contract, before and after a restart.
// Reproduce a failure with DESKLINE_FUZZ_SEED=<the seed printed> (and fast-check's path).
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfSettings } from '../../../../electron/adapters/settings/confSettings';
import { createNodeSoftphonePorts } from '../../../../electron/adapters/sip/nodeSoftphonePorts';
import { createTestCore } from '../../../support/core/testCore';
import { systemClock } from '../../../../electron/core/kernel/systemClock';
import { pendingRestoreFile } from '../../../../electron/adapters/store/engine/backupFiles';
import { openStore } from '../../../../electron/adapters/store/engine/store';
import { secretsFileName } from '../../../../electron/adapters/secrets/fileKeySecretStore';
import type { Logger } from '../../../../electron/core/kernel/platformPorts';
import { openHostCore, type HostCore } from '../../../../electron/host/openHostCore';
import { api, methodNames, type MethodName } from '../../../../shared/contract/api';
import { envelopeSchema, type Envelope } from '../../../../shared/contract/envelope';
import { roles, type Role } from '../../../../shared/contract/roles';
import { contractHints, type FuzzWorld } from '../../../support/contractFuzz/contractHints';
import { dataDirDigest, storeDigest } from '../../../support/contractFuzz/dataDigest';
import { fuzzParameters, fuzzSeed } from '../../../support/contractFuzz/fuzzParameters';
import { malformedFrom } from '../../../support/contractFuzz/malformedPayloads';
import { arbitraryFor, defOf } from '../../../support/contractFuzz/zodArbitrary';
import { searchableCalls, searchableCustomers, seedSearchableCalls } from '../../../support/database/searchableCalls';
import { tempDataDir } from '../../../support/webHost';
import { MemorySettings } from '../../../support/softphone/softphoneFixtures';

const payloadsPerMethod = 1000;
/** Methods whose every valid call rewrites (and fsyncs) the settings file: fewer valid runs keep the suite in time. */
const settingsWriters = new Set<MethodName>(['saveSoftphoneSettings', 'saveClockSettings', 'saveAudioDevices', 'savePhoneShortcuts', 'saveCallRecordSettings', 'saveWorkingCalendar']);
const validRuns = (method: MethodName) => {
  if (method === 'backupNow') return 3; // each backup writes the whole database
  // Each staged restore copies a backup and checks its integrity in a worker thread (~150 ms).
  if (method === 'stageRestore') return 30;
  // A request that is `{}` has one valid payload: most of its runs are malformed ones.
  if (Object.keys(defOf(api[method].request).shape as object).length === 0) return 60;
  return settingsWriters.has(method) ? 200 : 400;
};

/**
 * Answers a valid request may get besides a value; none is INTERNAL (a handler that broke).
 * FORBIDDEN: a role may call the method but not with every option (S-6: exportCalls' fullNumbers).
 */
const acceptableRefusals = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE', 'FORBIDDEN']);
/** Generous: the machine is shared, and a slow disk makes every fsync of a run slower. */
const fuzzTimeoutMs = 180_000;
/** Per method, how the valid payloads were answered: shows the fuzz reaching the handlers' real work. */
const answers = new Map<MethodName, Record<string, number>>();

let host: HostCore;
let dataDir: string;
const loggedErrors: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const logger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: (message, details) => loggedErrors.push(`${message} ${JSON.stringify(details ?? {})}`),
};

const world: FuzzWorld = {
  callIds: searchableCalls.map((c) => c.id),
  customerIds: searchableCustomers.map((c) => c.id),
  backupFileNames: [],
  agentIds: ['a1', 'a2', 'local'],
  categoryIds: ['complaint', 'consultation', 'resolved', 'callback', 'legacyBilling'],
  loopbackServerUrl: '',
};

/** Each settings save and the read that must give back what the save answered (settings go through conf's JSON file). */
const settingsReads: Partial<Record<MethodName, MethodName>> = {
  saveSoftphoneSettings: 'getSoftphoneSettings',
  saveClockSettings: 'getClockSettings',
  saveAudioDevices: 'getAudioDevices',
  savePhoneShortcuts: 'getPhoneShortcuts',
  saveCallRecordSettings: 'getCallRecordSettings',
  saveWorkingCalendar: 'getWorkingCalendar',
};

/**
 * What a write stored must read back as it was sent (after the contract's own trimming): a string
 * the store cannot hold (e.g. a lone surrogate, which SQLite's UTF-8 turns into U+FFFD) must be
 * refused, not silently changed.
 */
async function expectReadBack(method: MethodName, request: Record<string, unknown>, value: Record<string, unknown>): Promise<void> {
  const read = settingsReads[method];
  if (read) {
    const got = await call(read, {}, 'admin').then((r) => (r.ok ? r : call(read, {}, 'agent')));
    expect(got.ok && got.value, `${read} after ${method}`).toEqual(value);
  }
  if (method === 'saveCallNote') {
    const form = await call('getCallRecordForm', { callId: request.callId }, 'admin');
    expect(form.ok && (form.value as { note: { text: string } }).note.text, 'the saved note reads back as sent').toBe(request.text);
  }
  if (method === 'saveCustomer') {
    const read = await call('getCustomer', { customerId: value.customerId }, 'admin');
    const stored = read.ok ? (read.value as Record<string, unknown>) : {};
    expect(stored.name, 'the saved name reads back as sent').toBe((request.name as string).trim());
    expect(stored.notes, 'the saved notes read back as sent').toBe(request.notes ?? '');
    // Tags are a set: a repeated tag is kept once.
    expect(stored.tags, 'the saved tags read back as sent').toEqual([...new Set(((request.tags as string[] | undefined) ?? []).map((t) => t.trim()))]);
  }
}

/** Keeps the generators' pools in step with what the fuzz created. */
function learn(method: MethodName, value: unknown): void {
  const v = value as Record<string, unknown>;
  if (method === 'saveCustomer' && !world.customerIds.includes(v.customerId as string)) world.customerIds.push(v.customerId as string);
  if (method === 'backupNow') world.backupFileNames.push(v.fileName as string);
}

async function openHost(): Promise<HostCore> {
  return openHostCore({ host: 'web', dataDir, lang: null, logger, createSettings: createConfSettings });
}

async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Dispatch as `role`; a throw out of the dispatcher is itself a failure (it must always answer). */
async function call(method: MethodName, payload: unknown, role: Role): Promise<Envelope<unknown>> {
  let reply: Envelope<unknown>;
  try {
    reply = await host.core.dispatch(method, payload, { role, userId: 'local' });
  } catch (error) {
    throw new Error(`dispatch(${method}) threw instead of answering: ${String(error)}`, { cause: error });
  }
  // The envelope itself, and a value that parses with the method's reply schema.
  const checked = envelopeSchema(api[method].reply).safeParse(reply);
  if (!checked.success) throw new Error(`${method} answered an envelope that does not parse: ${checked.error.message}`);
  return reply;
}

function assertNoPollution(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted, 'Object.prototype was polluted').toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

function assertQuiet(context: string): void {
  expect(unhandled.map(String), `unhandled rejections during ${context}`).toEqual([]);
  expect(loggedErrors, `errors logged during ${context}`).toEqual([]);
}

const roleArbitrary = (allowed: readonly Role[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...allowed), weight: 5 }, { arbitrary: fc.constantFrom(...roles), weight: 1 });

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  dataDir = tempDataDir('deskline-fuzz-');
  world.loopbackServerUrl = `ws://127.0.0.1:${await closedLoopbackPort()}`;
  host = await openHost();
  await seedSearchableCalls(host.store);
});

afterAll(async () => {
  if (process.env.DESKLINE_FUZZ_REPORT) console.table(Object.fromEntries(answers));
  await host?.close();
  process.off('unhandledRejection', onUnhandled);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('contract fuzz: every method, every role, valid and malformed payloads', () => {
  it.each(methodNames.map((m) => [m]))('%s', async (method) => {
    const spec = api[method];
    const valid = arbitraryFor(spec.request, contractHints(world));
    const malformed = malformedFrom(valid);
    const runsValid = validRuns(method);
    // A mutation that happens to leave the payload valid is not sent in the malformed phase, so that
    // phase runs 40% more than it needs: at least 1,000 payloads reach the dispatcher.
    const runsMalformed = Math.ceil((payloadsPerMethod - runsValid) * 1.4);

    // Malformed: refused by role or by validation, and nothing stored or on disk changes.
    const storeBefore = await storeDigest(host.store);
    const diskBefore = dataDirDigest(dataDir);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(malformed, roleArbitrary(spec.roles), async (payload, role) => {
        if (spec.request.safeParse(payload).success) return; // a mutation that happens to be valid is run below's kind
        const reply = await call(method, payload, role);
        const expected = spec.roles.includes(role) ? 'VALIDATION' : 'FORBIDDEN';
        expect(reply.ok ? 'ok' : reply.error.code, `malformed payload as ${role}`).toBe(expected);
        refused += 1;
        assertNoPollution();
      }),
      fuzzParameters(runsMalformed),
    );
    expect(refused + runsValid, 'payloads dispatched').toBeGreaterThanOrEqual(payloadsPerMethod);
    expect(await storeDigest(host.store), 'refused payloads changed the store').toBe(storeBefore);
    expect(dataDirDigest(dataDir), 'refused payloads changed files in the data dir').toBe(diskBefore);

    // Valid (mostly): a reply that parses, or a refusal with a reason; never INTERNAL, never a throw.
    let accepted = 0;
    let allowedRuns = 0;
    await fc.assert(
      fc.asyncProperty(valid, roleArbitrary(spec.roles), async (payload, role) => {
        const isValid = spec.request.safeParse(payload).success;
        const reply = await call(method, payload, role);
        const code = reply.ok ? 'ok' : reply.error.code;
        if (!spec.roles.includes(role)) return void expect(code).toBe('FORBIDDEN');
        allowedRuns += 1;
        if (!isValid) return void expect(code, 'an invalid payload from the valid generator').toBe('VALIDATION');
        accepted += 1;
        const tally = answers.get(method) ?? {};
        tally[code] = (tally[code] ?? 0) + 1;
        answers.set(method, tally);
        if (reply.ok) {
          learn(method, reply.value);
          await expectReadBack(method, payload as Record<string, unknown>, reply.value as Record<string, unknown>);
        }
        else expect(acceptableRefusals, `${method} as ${role}: ${reply.error.code} ${reply.error.message}`).toContain(reply.error.code);
        assertNoPollution();
        assertQuiet(method);
      }),
      fuzzParameters(runsValid, fuzzSeed + 1),
    );
    // A generator the schema mostly refuses tests nothing: give that field a hint in contractHints.ts.
    expect(accepted, `valid payloads for ${method} (of ${allowedRuns})`).toBeGreaterThanOrEqual(allowedRuns * 0.5);
    assertQuiet(method);
  }, fuzzTimeoutMs);
});

describe('contract fuzz: around the methods', () => {
  it('answers UNKNOWN_METHOD to 1,000 names that are not methods, prototype names included', async () => {
    const names = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'getappinfo', 'getAppInfo ', ' getAppInfo'),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(names, fc.constantFrom(...roles), async (name, role) => {
        if (methodNames.includes(name as MethodName)) return;
        const reply = await host.core.dispatch(name, {}, { role, userId: 'local' });
        expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      }),
      fuzzParameters(1000),
    );
  });

  it('keeps a call record consistent under concurrent writes: revisions numbered 1..n, no INTERNAL', async () => {
    const writers = (['saveCallNote', 'setCallClassification', 'saveCustomer', 'setAgentState', 'getCallRecordForm'] as const).map((method) =>
      arbitraryFor(api[method].request, contractHints(world)).map((payload) => ({ method, payload })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(...writers), { minLength: 2, maxLength: 12 }), async (batch) => {
        const replies = await Promise.all(batch.map(({ method, payload }) => call(method, payload, method === 'setAgentState' ? 'agent' : 'admin')));
        for (const reply of replies) if (!reply.ok) expect(acceptableRefusals).toContain(reply.error.code);
      }),
      fuzzParameters(60),
    );
    const gaps = await host.store.query(
      'SELECT call_id, COUNT(*) AS n, MIN(revision) AS first, MAX(revision) AS last, COUNT(DISTINCT revision) AS distinct_n FROM note_revisions GROUP BY call_id',
    );
    for (const row of gaps) expect(row, `revisions of ${String(row.call_id)}`).toMatchObject({ first: 1, last: row.n, distinct_n: row.n });
    assertQuiet('concurrent writes');
  });
});

describe('contract fuzz: settings from a hand-edited file', () => {
  it('starts a host over a damaged secrets file; the phone settings open and a new password saves', async () => {
    const dir = tempDataDir('deskline-fuzz-secrets-');
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ softphone: { account: { serverUrl: world.loopbackServerUrl, sipUri: 'sip:1001@deskline.test' } } }));
    writeFileSync(path.join(dir, secretsFileName), '{"softphone.password": {"iv": "AA', { mode: 0o600 });
    const damaged = await openHostCore({ host: 'web', dataDir: dir, lang: null, logger, createSettings: createConfSettings });
    try {
      const agentCaller = { role: 'agent' as const, userId: 'local' };
      expect(await damaged.core.dispatch('getSoftphoneSettings', {}, agentCaller)).toMatchObject({ ok: true, value: { passwordSet: false, configured: true } });
      const account = { serverUrl: world.loopbackServerUrl, sipUri: 'sip:1001@deskline.test', authUser: '', displayName: '', iceServers: [], declineCode: 603, dtmfMode: 'rfc4733', rejectCallWaiting: false };
      expect(await damaged.core.dispatch('saveSoftphoneSettings', { ...account, password: 'again' }, agentCaller)).toMatchObject({ ok: true, value: { passwordSet: true } });
    } finally {
      await damaged.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers every read with a reply that parses, whatever each settings entry holds (300 files)', async () => {
    const keys = ['softphone.account', 'clocks', 'callRecords', 'workingCalendar', 'audioDevices', 'phoneShortcuts'];
    const anyEntry = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })));
    const reads = methodNames.filter((m) => m.startsWith('get') && Object.keys(defOf(api[m].request).shape as object).length === 0);
    // One store for all 300 cores: the settings file is what varies here.
    const store = await openStore({ dataDir: tempDataDir('deskline-fuzz-settings-') });
    try {
      await fc.assert(
        fc.asyncProperty(fc.record(Object.fromEntries(keys.map((k) => [k, anyEntry]))), async (file) => {
          const settings = new MemorySettings();
          for (const [key, value] of Object.entries(file)) settings.set(key, value);
          const errors: string[] = [];
          const core = await createTestCore({
            clock: systemClock,
            settings,
            agentStates: { load: async () => null, save: async () => undefined },
            logger: { ...logger, error: (message) => errors.push(message) },
            hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'agent', userId: 'local' },
            // Never registers: whatever server the file names is not contacted.
            softphone: createNodeSoftphonePorts({ dataDir, clock: systemClock, logger, autoRegister: false }),
            store,
          });
          try {
            for (const method of reads) {
              for (const role of api[method].roles) {
                const reply = await core.dispatch(method, {}, { role, userId: 'local' });
                if (!reply.ok) expect(acceptableRefusals, `${method}: ${reply.error.message}`).toContain(reply.error.code);
              }
            }
            expect(errors).toEqual([]);
          } finally {
            await core.close();
          }
        }),
        fuzzParameters(300),
      );
    } finally {
      await store.close();
    }
  }, fuzzTimeoutMs);
});

/** Every stored thing read back through the contract's read methods, as replies that parse. */
async function readEverything(): Promise<Record<string, unknown>> {
  const seen: Record<string, unknown> = {};
  const read = async (label: string, method: MethodName, payload: unknown, role: Role) => {
    const reply = await call(method, payload, role);
    if (!reply.ok) throw new Error(`${label}: ${reply.error.code} ${reply.error.message}`);
    seen[label] = reply.value;
  };
  for (const method of ['getClockSettings', 'getCallRecordSettings', 'getWorkingCalendar', 'getCallSearchOptions'] as const) await read(method, method, {}, 'admin');
  for (const method of ['getSoftphoneSettings', 'getAudioDevices', 'getPhoneShortcuts', 'getCallLists'] as const) await read(method, method, {}, 'agent');
  const customers = await host.store.query('SELECT id FROM customers ORDER BY id');
  for (const { id } of customers) {
    for (const role of ['agent', 'qa'] as const) {
      await read(`customer ${String(id)} as ${role}`, 'getCustomer', { customerId: id }, role);
      await read(`history ${String(id)} as ${role}`, 'customerHistory', { customerId: id, limit: 100 }, role);
    }
  }
  const calls = await host.store.query('SELECT id FROM calls ORDER BY id');
  for (const { id } of calls) {
    await read(`record ${String(id)}`, 'getCallRecordForm', { callId: id }, 'qa');
    await read(`revisions ${String(id)}`, 'listNoteRevisions', { callId: id }, 'qa');
  }
  for (const role of roles) await read(`search as ${role}`, 'searchCalls', { pageSize: 100 }, role);
  await read('export', 'exportCalls', { from: '2000-01-01', to: '2100-01-01', format: 'json', fullNumbers: true }, 'admin');
  // Reads whose values move with the clock (elapsed time, the open agent-state segment): they must
  // answer and parse, but are not compared across the restart.
  for (const [method, payload, role] of [
    ['getAgentStateTotals', { from: '2000-01-01', to: '2100-01-01' }, 'teamLead'],
    ['getAgentState', {}, 'agent'],
    ['getCallClocks', {}, 'agent'],
    ['getSoftphoneState', {}, 'qa'],
    ['getStoreStatus', {}, 'admin'],
    ['listBackups', {}, 'admin'],
  ] as const) {
    const reply = await call(method, payload, role);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  }
  return seen;
}

describe('contract fuzz: what was stored reads back', () => {
  it('through the read methods, and the same after a restart that replays the journal', async () => {
    const before = await readEverything();
    expect(Object.keys(before).length).toBeGreaterThan(10);
    // The database itself: pages, indexes and references intact after everything the fuzz wrote.
    expect(await host.store.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await host.store.query('PRAGMA foreign_key_check')).toEqual([]);
    await host.close();
    // A restore the fuzz staged would replace what it wrote; the replay of those writes is the point here.
    rmSync(pendingRestoreFile(dataDir), { force: true });
    host = await openHost();
    const after = await readEverything();
    expect(after).toEqual(before);
    assertQuiet('the read-back');
  });
});
