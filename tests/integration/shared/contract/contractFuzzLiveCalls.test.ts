// Issue 12, fuzzing the contract while calls are live: the methods that act on calls (answer,
// hold, transfer, hold steps, wrap-up, notes, screen pop…) in generated orders, as generated roles,
// with generated payloads pointing at the calls really in progress, on a desk registered with a
// real Kamailio over a real store, while the caller hangs up at generated moments too. Every
// answer parses and is never INTERNAL; nothing is logged as an error; no promise is left rejected.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../electron/adapters/store/engine/store';
import { createNodeSoftphonePorts } from '../../../../electron/adapters/sip/nodeSoftphonePorts';
import type { Core } from '../../../../electron/core/createCore';
import { createTestCore } from '../../../support/core/testCore';
import type { Logger } from '../../../../electron/core/kernel/platformPorts';
import { systemClock } from '../../../../electron/core/kernel/systemClock';
import { api, type MethodName } from '../../../../shared/contract/api';
import { envelopeSchema } from '../../../../shared/contract/envelope';
import { roles, type Role } from '../../../../shared/contract/roles';
import { contractHints, type FuzzWorld } from '../../../support/contractFuzz/contractHints';
import { fuzzParameters } from '../../../support/contractFuzz/fuzzParameters';
import { arbitraryFor, defOf, type Hint } from '../../../support/contractFuzz/zodArbitrary';
import { seedSearchableCalls, searchableCustomers } from '../../../support/database/searchableCalls';
import { startKamailio, type RunningKamailio } from '../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../support/sipUa/scriptedUa';
import { tempDataDir } from '../../../support/webHost';
import { StaticSdpSession } from '../../../../electron/adapters/sip/staticSdpMedia';
import type { MediaRequest } from '../../../../shared/contract/softphone';
import { EventRecorder, MemorySettings } from '../../../support/softphone/softphoneFixtures';

/** The methods that do something different while a call is live. */
const liveMethods: MethodName[] = [
  'answerCall', 'declineCall', 'hangUp', 'holdCall', 'resumeCall', 'muteCall', 'unmuteCall', 'sendDtmf', 'blindTransfer',
  'startConsultCall', 'completeAttendedTransfer', 'dial', 'getSoftphoneState', 'reattachMedia', 'startHoldSteps', 'nextHoldStep',
  'cancelHoldSteps', 'holdWithPromise', 'callerUpdatedOnHold', 'chooseAfterWrapUp', 'extendWrapUp', 'endWrapUp', 'getCallClocks',
  'performPhoneShortcut', 'getScreenPops', 'linkCallCustomer', 'getCallRecordForm', 'saveCallNote', 'setCallClassification',
  'listNoteRevisions', 'dialCustomer', 'setAgentState', 'getCallLists', 'markMissedCallsSeen', 'reportNetworkChanged',
];

/** Placeholders for the calls in progress, resolved when the action runs (generation comes first). */
const liveRefs = ['$call0', '$call1', '$callLast'] as const;
/** Only users of the harness domain: Kamailio answers the rest 404, so nothing leaves loopback. */
const safeTargets = ['4001', '3001', '5555', 'sip:4001@deskline.test', '+8613800135678'];

// MEDIA: the fake renderer fails some media steps on purpose, and a call whose audio cannot be set up
// says so (issue 20).
const acceptableRefusals = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE', 'FORBIDDEN', 'MEDIA']);
/** Per method, how the actions were answered (DESKLINE_FUZZ_REPORT=1 prints it). */
const answers = new Map<MethodName, Record<string, number>>();

let kamailio: RunningKamailio;
let store: Store;
let core: Core;
let events: EventRecorder;
let caller: ScriptedUa;
let target: ScriptedUa;
const loggedErrors: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const logger: Logger = { info: () => undefined, warn: () => undefined, error: (message, details) => loggedErrors.push(`${message} ${JSON.stringify(details ?? {})}`) };
const agent = { role: 'agent' as const, userId: 'local' };

const world: FuzzWorld = {
  callIds: [...liveRefs],
  customerIds: searchableCustomers.map((c) => c.id),
  backupFileNames: [],
  agentIds: ['local'],
  categoryIds: ['complaint', 'resolved'],
  loopbackServerUrl: 'ws://127.0.0.1:9',
};

const liveHints: Hint = (path, schema, walk) => {
  const isString = defOf(schema).type === 'string';
  if (isString && path.at(-1) === 'target') return fc.constantFrom(...safeTargets);
  if (isString && (path.at(-1) === 'callId' || path.at(-1) === 'consultCallId')) {
    return fc.oneof(
      { arbitrary: fc.constant('$call0'), weight: 8 },
      { arbitrary: fc.constant('$callLast'), weight: 4 },
      { arbitrary: fc.constant('$call1'), weight: 2 },
      { arbitrary: walk(), weight: 1 },
    );
  }
  return contractHints(world)(path, schema, walk);
};

interface Action {
  kind: 'dispatch' | 'callerHangsUp' | 'wait';
  method?: MethodName;
  payload?: unknown;
  role?: Role;
}

/** What moves a call along is picked more often than what only reads. */
const callMoves = new Set<MethodName>(['answerCall', 'holdCall', 'resumeCall', 'startHoldSteps', 'nextHoldStep', 'holdWithPromise', 'startConsultCall', 'completeAttendedTransfer', 'blindTransfer', 'hangUp', 'muteCall', 'sendDtmf', 'performPhoneShortcut']);
const methodArbitrary = fc.oneof(
  { arbitrary: fc.constantFrom(...liveMethods.filter((m) => callMoves.has(m))), weight: 2 },
  { arbitrary: fc.constantFrom(...liveMethods), weight: 1 },
);

const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: methodArbitrary.chain((method) =>
      fc.record({
        kind: fc.constant('dispatch' as const),
        method: fc.constant(method),
        payload: arbitraryFor(api[method].request, liveHints),
        role: fc.oneof({ arbitrary: fc.constant<Role>('agent'), weight: 6 }, { arbitrary: fc.constantFrom(...roles), weight: 1 }),
      }),
    ),
    weight: 20,
  },
  { arbitrary: fc.constant<Action>({ kind: 'callerHangsUp' }), weight: 1 },
  { arbitrary: fc.constant<Action>({ kind: 'wait' }), weight: 2 },
);

/**
 * How the (fake) renderer answers media requests in a scenario: like a browser would (static SDP),
 * with an error (no microphone), with something that is no SDP, or a mix. A renderer is a client
 * like any other: whatever it answers, the core must not break.
 */
type MediaMode = 'static' | 'error' | 'noSdp' | 'mixed';
let mediaMode: MediaMode = 'static';

function answerMediaRequests(): void {
  const sessions = new Map<string, StaticSdpSession>();
  let count = 0;
  core.eventHub.subscribe((event, payload) => {
    if (event !== 'onMediaRequest') return;
    const request = payload as MediaRequest;
    const mode = mediaMode === 'mixed' ? (['static', 'error', 'noSdp'] as const)[count++ % 3]! : mediaMode;
    void (async () => {
      let media = sessions.get(request.callId);
      if (!media) sessions.set(request.callId, (media = new StaticSdpSession(request.callId)));
      let result: { sdp?: string; error?: string } = {};
      if (mode === 'error') result = { error: 'fuzz: the microphone is gone' };
      else if (mode === 'noSdp') result = request.kind.startsWith('create') || request.kind === 'prepareAnswer' ? { sdp: 'not an SDP \u0000 at all' } : {};
      else if (request.kind === 'createOffer') result = { sdp: await media.createOffer(request) };
      else if (request.kind === 'createAnswer') result = { sdp: await media.createAnswer(request) };
      else if (request.kind === 'setRemote') await media.setRemote(request.sdp, request.type);
      else if (request.kind === 'prepareAnswer') {
        await media.setRemote(request.sdp, 'offer');
        result = { sdp: await media.createAnswer({ hold: false }) };
      }
      const reply = await core.dispatch('completeMediaRequest', { requestId: request.requestId, ...result }, agent);
      if (!reply.ok) loggedErrors.push(`completeMediaRequest refused: ${reply.error.message}`);
    })().catch((error: unknown) => loggedErrors.push(`media responder: ${String(error)}`));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function liveCallIds(): string[] {
  return core.softphone!.service.state().calls.map((c) => c.callId);
}

/** Replaces the placeholders with the ids of the calls in progress now. */
function resolveRefs(value: unknown): unknown {
  const ids = liveCallIds();
  const ref = (text: string) => (text === '$call0' ? ids[0] : text === '$call1' ? ids[1] : text === '$callLast' ? ids.at(-1) : undefined) ?? 'no-such-call';
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return (liveRefs as readonly string[]).includes(v) ? ref(v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** Hangs everything up and ends wrap-up, so the next scenario starts from an idle desk. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50 && liveCallIds().length; i++) {
    for (const callId of liveCallIds()) await core.dispatch('hangUp', { callId }, agent);
    for (const call of [...caller.calls, ...target.calls]) await call.hangUp().catch(() => undefined);
    await sleep(100);
  }
  expect(liveCallIds(), 'calls left after the scenario').toEqual([]);
  await core.dispatch('endWrapUp', {}, agent);
  await core.callLog.settled();
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  kamailio = await startKamailio({
    users: [{ user: '1001', password: 'agent-secret' }, { user: '3001', password: 'caller-secret' }, { user: '4001', password: 'target-secret' }],
  });
  const dataDir = tempDataDir('deskline-fuzz-live-');
  store = await openStore({ dataDir });
  await seedSearchableCalls(store);
  core = await createTestCore({
    clock: systemClock,
    settings: new MemorySettings(),
    agentStates: { load: async () => null, save: async () => undefined },
    logger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'agent', userId: 'local' },
    softphone: createNodeSoftphonePorts({ dataDir, clock: systemClock, logger }),
    store,
    dataDir,
  });
  events = new EventRecorder(core.eventHub);
  answerMediaRequests();
  const registered = events.waitFor((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered', 'registered');
  const account = { serverUrl: kamailio.url, sipUri: `sip:1001@${kamailio.domain}`, authUser: '1001', displayName: 'Agent', iceServers: [], declineCode: 603, dtmfMode: 'rfc4733', rejectCallWaiting: false, password: 'agent-secret' };
  expect(await core.dispatch('saveSoftphoneSettings', account, agent)).toMatchObject({ ok: true });
  await registered;
  caller = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain, displayName: '\u202Eevil 13800135678' });
  target = new ScriptedUa({ server: kamailio.url, user: '4001', password: 'target-secret', domain: kamailio.domain, autoAnswer: true });
  await caller.start();
  await target.start();
});

afterAll(async () => {
  if (process.env.DESKLINE_FUZZ_REPORT) console.table(Object.fromEntries(answers));
  await caller?.stop();
  await target?.stop();
  await core?.close();
  await store?.close();
  await kamailio?.stop();
  process.off('unhandledRejection', onUnhandled);
});

describe('contract fuzz with live calls (real Kamailio, real store)', () => {
  it('answers every generated action on live calls with a reply that parses, never INTERNAL', async () => {
    let actions = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(actionArbitrary, { minLength: 4, maxLength: 16 }), fc.constantFrom<MediaMode>('static', 'static', 'static', 'error', 'noSdp', 'mixed'), async (script, media) => {
        mediaMode = media;
        await core.dispatch('setAgentState', { state: { kind: 'ready' } }, agent);
        const known = new Set(liveCallIds());
        const call = await caller.call('1001');
        await events.waitFor((r) => r.event === 'onCallEvent' && r.payload.type === 'ringing' && !known.has(r.payload.callId), 'ringing', 10_000);
        for (const action of script) {
          if (action.kind === 'wait') await sleep(60);
          else if (action.kind === 'callerHangsUp') await call.hangUp().catch(() => undefined);
          else {
            const method = action.method!;
            const payload = resolveRefs(action.payload);
            const reply = await core.dispatch(method, payload, { role: action.role!, userId: 'local' });
            const parsed = envelopeSchema(api[method].reply).safeParse(reply);
            expect(parsed.success, `${method} answered an envelope that does not parse`).toBe(true);
            if (!reply.ok) expect(acceptableRefusals, `${method} ${JSON.stringify(payload).slice(0, 300)} as ${action.role}: ${reply.error.message}`).toContain(reply.error.code);
            actions += 1;
            const tally = answers.get(method) ?? {};
            const code = reply.ok ? 'ok' : reply.error.code;
            tally[code] = (tally[code] ?? 0) + 1;
            answers.set(method, tally);
          }
        }
        mediaMode = 'static';
        await settle();
        expect(unhandled.map(String), 'unhandled rejections').toEqual([]);
        expect(loggedErrors, 'errors logged').toEqual([]);
      }),
      fuzzParameters(60),
    );
    expect(actions).toBeGreaterThan(100);
  }, 180_000);
});
