// Ring-timer accuracy bench (issue text: "Timer accuracy under load: while the store writes 200
// events/s, the delay between each ideal ring boundary and the ring event the UI receives (p50,
// p99, max over ≥ 500 boundaries). Goal: p99 ≤ 10 ms.")
//
// A real Kamailio, the built web host, and this process playing both the callers and "the UI":
//   - the UI is a contract WebSocket (tests/support/contractSocket.ts) that receives events exactly
//     as the renderer's client does, on its own worker thread (support/ringListenerWorker.ts) so
//     the callers' SIP work in this thread does not delay the stamps; a second socket here plays
//     the renderer's media role (answers onMediaRequest; calls only ring, so no media is made);
//   - 4 scripted SIP callers (3001..3004) call the agent (1001) again and again; nobody answers, so
//     each call rings out after 30 rings of a 500 ms custom cadence (100 ms on, 400 ms off) = 15 s,
//     is refused with 480 by the ring-no-answer rule, and the caller calls again;
//   - the load: a second contract socket sets the agent state (Not ready — break / lunch,
//     alternating) at 200 per second on an absolute schedule; each change commits the current state
//     and a finished segment to the store (the calls add their own call events).
// Delay of one boundary = Date.now() when the UI socket receives onRingCount − its boundaryWall (the
// host's wall clock at ringing start + n cycles; same machine, same wall clock; both integer ms, so
// ±1 ms). Ring 1's boundary is the ringing start itself (stamped by the clocks service as it starts
// the counter), so its delay is only the event's way out; rings 2+ are timer-driven and shown apart.
// Scenarios: a baseline without the load (≥ 300 boundaries), then under load (≥ 600 boundaries).
// Also per scenario: host CPU and RSS, a 10/s getClockSettings round trip on the UI socket (host
// responsiveness), and this process's own event-loop delay (so the receiving side can be ruled out).
// DESKLINE_BENCH_BOUNDARIES=N changes the loaded target (baseline: half of it, at least 300).
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { isDeepStrictEqual } from 'node:util';
import type { MediaRequest } from '../../shared/contract/softphone';
import { openContractSocket, type ContractSocket } from '../support/contractSocket';
import { startKamailio, type RunningKamailio } from '../support/kamailio/kamailioHarness';
import { ScriptedUa, type ScriptedCall } from '../support/sipUa/scriptedUa';
import { startWebHost, tempDataDir, webHostEntry, type RunningWebHost } from '../support/webHost';
import type { RingArrival } from './support/ringListenerWorker';
import { cleanUpOnSignal, ms, printTable, summarize, writeBenchJson, type Summary } from './support/benchStats';

const goalP99Ms = 10;
const loadedTarget = Number(process.env.DESKLINE_BENCH_BOUNDARIES ?? 600);
const baselineTarget = Math.max(300, Math.ceil(loadedTarget / 2));
const writesPerSecond = 200;
/** More unacknowledged setAgentState requests than this: the slot is skipped (counted), not queued. */
const maxWritesInFlight = 100;
const loadWarmUpMs = 2_000;
const probeIntervalMs = 100;

const clockSettings = {
  ringCadence: { kind: 'custom', onMs: 100, offMs: 400 },
  missedAfterRings: 30,
  missedSetsNotReady: false,
  wrapUpLimitSec: 60,
  holdCheckInIntervalSec: 45,
  guidedHold: true,
} as const;
const cycleMs = clockSettings.ringCadence.onMs + clockSettings.ringCadence.offMs;

const agentAccount = { user: '1001', password: 'agent-secret', displayName: 'Agent Li' };
const callerAccounts = ['3001', '3002', '3003', '3004'].map((user) => ({ user, password: `caller-${user}-secret` }));

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, msToWait)));

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function call<T>(socket: ContractSocket, method: string, payload: unknown): Promise<T> {
  const reply = await socket.request(method, payload);
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error?.code} ${reply.error?.message}`);
  return reply.value as T;
}

/**
 * Calls `listener` for every event the socket receives, stamped on arrival. The contract socket's
 * message handler pushes each event into `events` synchronously as the frame is parsed, so wrapping
 * that push stamps it at the moment a renderer's client would dispatch it.
 */
/** The ring-event receiver on its own thread (see support/ringListenerWorker.ts). */
async function startRingListener(host: RunningWebHost, onRing: (ring: RingArrival) => void): Promise<Worker> {
  // A worker does not inherit this process's tsx loader: register it in the worker, then load.
  const entry = new URL('./support/ringListenerWorker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { port: host.port, token: host.token, origin: host.origin } });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: RingArrival | 'ready') => {
      if (message === 'ready') resolve();
      else onRing(message);
    });
  });
  return worker;
}

function tapEvents(socket: ContractSocket, listener: (event: string, payload: unknown, receivedAtWall: number) => void): void {
  const events = socket.events;
  const push = events.push.bind(events);
  events.push = (...items) => {
    const receivedAtWall = Date.now();
    for (const item of items) listener(item.event, item.payload, receivedAtWall);
    return push(...items);
  };
}

// ---------- process figures (Linux /proc; null elsewhere) ----------

const clockTicksPerSecond = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

interface ProcessSample {
  atMs: number;
  cpuMs: number | null;
  rssBytes: number | null;
  threads: number | null;
}

function sampleProcess(pid: number | undefined): ProcessSample {
  const atMs = performance.now();
  if (pid === undefined) return { atMs, cpuMs: null, rssBytes: null, threads: null };
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3, utime 14, stime 15 (1-based).
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond) * 1000;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
    const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1]);
    return { atMs, cpuMs, rssBytes: Number.isFinite(rssKb) ? rssKb * 1024 : null, threads: Number.isFinite(threads) ? threads : null };
  } catch {
    return { atMs, cpuMs: null, rssBytes: null, threads: null };
  }
}

/** CPU used between two samples as a share of one core (1 = one core busy throughout). */
function cpuCores(from: ProcessSample, to: ProcessSample): number | null {
  if (from.cpuMs === null || to.cpuMs === null) return null;
  return (to.cpuMs - from.cpuMs) / (to.atMs - from.atMs);
}

// ---------- the callers ----------

/** Each caller calls the agent, waits until the call ends (rung out: 480), pauses briefly, calls again. */
class CallerPool {
  private stopping = false;
  private loops: Promise<void>[] = [];
  private readonly live = new Set<ScriptedCall>();
  error: Error | null = null;
  outcomes: Record<string, number> = {};

  constructor(
    private readonly uas: ScriptedUa[],
    private readonly target: string,
  ) {}

  /** Callers start `staggerMs` apart, so their ring boundaries do not all fall on the same moment. */
  start(staggerMs: number): void {
    this.stopping = false;
    this.error = null;
    this.outcomes = {};
    this.loops = this.uas.map((ua, i) => this.loop(ua, i * staggerMs));
  }

  /** Cancels the calls still ringing and waits until every caller has stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.live].map((c) => this.cancel(c)));
    await Promise.all(this.loops);
  }

  private async loop(ua: ScriptedUa, startDelayMs: number): Promise<void> {
    try {
      await sleep(startDelayMs);
      while (!this.stopping) {
        const placed = await ua.call(this.target);
        this.live.add(placed);
        if (this.stopping) void this.cancel(placed);
        await placed.terminated;
        this.live.delete(placed);
        const outcome = placed.rejectedWith === 480 ? 'rung out (480)' : placed.rejectedWith === null ? 'cancelled by the bench' : `refused ${placed.rejectedWith}`;
        this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
        if (!this.stopping) await sleep(100 + Math.random() * 100);
      }
    } catch (error) {
      this.error ??= error instanceof Error ? error : new Error(String(error));
    }
  }

  private async cancel(placed: ScriptedCall): Promise<void> {
    // A call that ended just now cannot be cancelled any more; that is fine.
    await placed.hangUp().catch(() => undefined);
  }
}

// ---------- the load ----------

interface LoadResult {
  durationMs: number;
  slots: number;
  sent: number;
  acknowledged: number;
  failed: number;
  skippedInFlight: number;
  acknowledgedPerSecond: number;
  /** setAgentState round trip (includes the two durable store commits behind it). */
  roundTrip: Summary;
  firstError: string | null;
}

/** Sets the agent state at `perSecond` on an absolute schedule until `stop()`; resolves with its figures. */
function startWriteLoad(socket: ContractSocket, perSecond: number) {
  let stopped = false;
  let sent = 0;
  let acknowledged = 0;
  let failed = 0;
  let skippedInFlight = 0;
  let inFlight = 0;
  let firstError: string | null = null;
  const roundTrips: number[] = [];
  const intervalMs = 1000 / perSecond;
  const startedAt = performance.now();
  let slot = 0;
  const pending = new Set<Promise<void>>();

  const run = (async () => {
    while (!stopped) {
      const due = startedAt + slot * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) {
        await sleep(wait);
        continue;
      }
      const reason = slot % 2 === 0 ? 'break' : 'lunch';
      slot++;
      if (inFlight >= maxWritesInFlight) {
        skippedInFlight++;
        continue;
      }
      inFlight++;
      sent++;
      const t = performance.now();
      const done = socket.request('setAgentState', { state: { kind: 'notReady', reason } }).then((reply) => {
        inFlight--;
        if (reply.ok) {
          acknowledged++;
          roundTrips.push(performance.now() - t);
        } else {
          failed++;
          firstError ??= `${reply.error?.code} ${reply.error?.message}`;
        }
      });
      pending.add(done);
      void done.finally(() => pending.delete(done));
    }
  })();

  return {
    acknowledged: () => acknowledged,
    stop: async (): Promise<LoadResult> => {
      stopped = true;
      await run;
      const durationMs = performance.now() - startedAt;
      await Promise.all(pending);
      return {
        durationMs,
        slots: slot,
        sent,
        acknowledged,
        failed,
        skippedInFlight,
        acknowledgedPerSecond: acknowledged / (durationMs / 1000),
        roundTrip: summarize(roundTrips),
        firstError,
      };
    },
  };
}

// ---------- one scenario ----------

interface RingSample {
  callId: string;
  ring: number;
  boundaryWall: number;
  receivedAtWall: number;
  delayMs: number;
}

interface Scenario {
  name: string;
  recording: boolean;
  samples: RingSample[];
  probes: number[];
}

interface ScenarioResult {
  name: string;
  target: number;
  seconds: number;
  boundaries: number;
  calls: Record<string, number>;
  all: Summary;
  timerDriven: Summary;
  ring1: Summary;
  meetsGoal: boolean;
  /** Share of boundaries later than the goal. */
  lateShare: number;
  hostResponsivenessRoundTrip: Summary;
  benchEventLoopDelay: { p50Ms: number; p99Ms: number; maxMs: number };
  hostProcess: { cpuCores: number | null; rssBytesEnd: number | null; threads: number | null };
  storeRecordsPerSecond: number | null;
  samples: Array<[ring: number, delayMs: number]>;
}

function loopDelay(h: IntervalHistogram) {
  return { p50Ms: h.percentile(50) / 1e6, p99Ms: h.percentile(99) / 1e6, maxMs: h.max / 1e6 };
}

// ---------- run ----------

async function main(): Promise<void> {
  if (!existsSync(webHostEntry)) throw new Error(`${webHostEntry} is missing: run npm run build first`);
  if (!Number.isInteger(loadedTarget) || loadedTarget < 1) throw new Error(`DESKLINE_BENCH_BOUNDARIES must be a positive integer, got ${process.env.DESKLINE_BENCH_BOUNDARIES}`);

  let kamailio: RunningKamailio | undefined;
  let host: RunningWebHost | undefined;
  let ui: ContractSocket | undefined;
  let ringListener: Worker | undefined;
  let loadSocket: ContractSocket | undefined;
  let pool: CallerPool | undefined;
  let load: ReturnType<typeof startWriteLoad> | undefined;
  const callers: ScriptedUa[] = [];
  const dataDir = tempDataDir('deskline-bench-clocks-');
  const cleanup = async () => {
    await load?.stop().catch(() => undefined);
    await pool?.stop().catch(() => undefined);
    await Promise.all(callers.map((c) => c.stop().catch(() => undefined)));
    ui?.close();
    await ringListener?.terminate().catch(() => undefined);
    loadSocket?.close();
    await host?.stop().catch(() => undefined);
    await kamailio?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const stopListening = cleanUpOnSignal(cleanup);

  try {
    const benchStarted = Date.now();
    const webHostBuiltAt = statSync(webHostEntry).mtime.toISOString();
    kamailio = await startKamailio({ users: [agentAccount, ...callerAccounts].map(({ user, password }) => ({ user, password })) });

    // The clock settings are a team lead's to set: once as teamLead, then the workstation as agent.
    const lead = await startWebHost({ dataDir, lang: 'en', extraArgs: ['--role', 'teamLead'] });
    try {
      const leadSocket = await openContractSocket(lead);
      await call(leadSocket, 'saveClockSettings', clockSettings);
      leadSocket.close();
    } finally {
      await lead.stop();
    }
    host = await startWebHost({ dataDir, lang: 'en' });
    ui = await openContractSocket(host);
    const stored = await call<unknown>(ui, 'getClockSettings', {});
    if (!isDeepStrictEqual(stored, clockSettings)) throw new Error(`the clock settings did not persist: ${JSON.stringify(stored)}`);

    // The UI: ring events to measure, and the renderer's media role.
    let scenario: Scenario | null = null;
    const warmUp: RingSample[] = [];
    let wrongCycle = 0;
    const mediaRequests: Record<string, number> = {};
    const uiSocket = ui;
    ringListener = await startRingListener(host, (ring) => {
      if (ring.cycleMs !== cycleMs) wrongCycle++;
      const { receivedAtWall } = ring;
      const sample = { callId: ring.callId, ring: ring.ring, boundaryWall: ring.boundaryWall, receivedAtWall, delayMs: receivedAtWall - ring.boundaryWall };
      if (scenario?.recording) scenario.samples.push(sample);
      else warmUp.push(sample);
    });
    tapEvents(uiSocket, (event, payload) => {
      if (event === 'onMediaRequest') {
        const request = payload as MediaRequest;
        mediaRequests[request.kind] = (mediaRequests[request.kind] ?? 0) + 1;
        const result = request.kind === 'close' ? {} : { error: 'The bench renderer has no media: calls only ring here.' };
        void uiSocket.request('completeMediaRequest', { requestId: request.requestId, ...result });
      }
    });

    await call(ui, 'saveSoftphoneSettings', {
      serverUrl: kamailio.url,
      sipUri: `sip:${agentAccount.user}@${kamailio.domain}`,
      authUser: agentAccount.user,
      password: agentAccount.password,
      displayName: agentAccount.displayName,
      iceServers: [],
      declineCode: 603,
      dtmfMode: 'rfc4733',
      rejectCallWaiting: false,
    });
    await waitUntil(
      'the agent to register',
      async () => (await call<{ registration: { kind: string } }>(uiSocket, 'getSoftphoneState', {})).registration.kind === 'registered',
      15_000,
      100,
    );

    for (const account of callerAccounts) {
      const ua = new ScriptedUa({ server: kamailio.url, user: account.user, password: account.password, domain: kamailio.domain, displayName: `Caller ${account.user}` });
      callers.push(ua);
      await ua.start();
    }
    pool = new CallerPool(callers, `sip:${agentAccount.user}@${kamailio.domain}`);
    const callerPool = pool;
    const stagger = cycleMs / callers.length;

    const hostIdle = () =>
      waitUntil('the host to have no calls', async () => (await call<{ calls: unknown[] }>(uiSocket, 'getSoftphoneState', {})).calls.length === 0, 10_000, 50);
    const storeSeq = async () => (await call<{ lastSeq: number }>(uiSocket, 'getStoreStatus', {})).lastSeq;

    // Warm-up (not counted): a few rings of every caller, then cancelled.
    callerPool.start(stagger);
    await waitUntil('warm-up rings', () => warmUp.length >= 4 * callers.length || callerPool.error !== null, 20_000);
    await callerPool.stop();
    if (callerPool.error) throw callerPool.error;
    await hostIdle();

    const hostPid = host.process.pid;
    const runScenario = async (name: string, target: number): Promise<ScenarioResult> => {
      const current: Scenario = { name, recording: true, samples: [], probes: [] };
      const lag = monitorEventLoopDelay({ resolution: 1 });
      const cpuFrom = sampleProcess(hostPid);
      const seqFrom = await storeSeq();
      const started = performance.now();
      lag.enable();
      scenario = current;
      callerPool.start(stagger);
      const probing = (async () => {
        while (current.recording) {
          const t = performance.now();
          await call(uiSocket, 'getClockSettings', {});
          current.probes.push(performance.now() - t);
          await sleep(probeIntervalMs - (performance.now() - t));
        }
      })();
      // 4 calls in parallel give ~8 boundaries/s; allow twice that long, plus set-up.
      const timeoutMs = ((target / callers.length) * cycleMs) * 2 + 30_000;
      let lastReport = 0;
      await waitUntil(
        `${target} ring boundaries (${name})`,
        () => {
          if (callerPool.error) return true;
          if (current.samples.length - lastReport >= 100) {
            lastReport = current.samples.length - (current.samples.length % 100);
            process.stdout.write(`  ${name}: ${lastReport}/${target} boundaries\n`);
          }
          return current.samples.length >= target;
        },
        timeoutMs,
        50,
      );
      current.recording = false;
      scenario = null;
      const seconds = (performance.now() - started) / 1000;
      lag.disable();
      const cpuTo = sampleProcess(hostPid);
      await probing;
      await callerPool.stop();
      if (callerPool.error) throw callerPool.error;
      const seqTo = await storeSeq();
      await hostIdle();

      const delays = current.samples.map((s) => s.delayMs);
      const all = summarize(delays);
      return {
        name,
        target,
        seconds,
        boundaries: current.samples.length,
        calls: { ...callerPool.outcomes, distinct: new Set(current.samples.map((s) => s.callId)).size },
        all,
        timerDriven: summarize(current.samples.filter((s) => s.ring > 1).map((s) => s.delayMs)),
        ring1: summarize(current.samples.filter((s) => s.ring === 1).map((s) => s.delayMs)),
        meetsGoal: all.p99 <= goalP99Ms,
        lateShare: delays.filter((d) => d > goalP99Ms).length / Math.max(1, delays.length),
        hostResponsivenessRoundTrip: summarize(current.probes),
        benchEventLoopDelay: loopDelay(lag),
        hostProcess: { cpuCores: cpuCores(cpuFrom, cpuTo), rssBytesEnd: cpuTo.rssBytes, threads: cpuTo.threads },
        storeRecordsPerSecond: (seqTo - seqFrom) / seconds,
        samples: current.samples.map((s) => [s.ring, s.delayMs]),
      };
    };

    const wallVsMonotonicBefore = Date.now() - (performance.timeOrigin + performance.now());
    const loadBefore = os.loadavg();

    console.log(`Baseline: no write load, ≥ ${baselineTarget} ring boundaries`);
    const baseline = await runScenario('baseline (no load)', baselineTarget);

    console.log(`Under load: setAgentState at ${writesPerSecond}/s, ≥ ${loadedTarget} ring boundaries`);
    loadSocket = await openContractSocket(host);
    load = startWriteLoad(loadSocket, writesPerSecond);
    await sleep(loadWarmUpMs);
    const ackedBefore = load.acknowledged();
    const windowStarted = performance.now();
    const loaded = await runScenario(`under ${writesPerSecond} writes/s`, loadedTarget);
    const ackedInWindow = load.acknowledged() - ackedBefore;
    const windowSeconds = (performance.now() - windowStarted) / 1000;
    const loadResult = await load.stop();
    load = undefined;
    const writesInWindowPerSecond = ackedInWindow / windowSeconds;

    const wallVsMonotonicAfter = Date.now() - (performance.timeOrigin + performance.now());
    const loadAfter = os.loadavg();

    // ---------- report ----------

    const row = (scenarioName: string, which: string, s: Summary, judged: boolean) => [
      scenarioName,
      which,
      String(s.n),
      ms(s.median),
      ms(s.p95),
      ms(s.p99),
      ms(s.max),
      judged ? `p99 ≤ ${goalP99Ms} ms` : '—',
      judged ? (s.p99 <= goalP99Ms ? 'yes' : 'NO') : '—',
    ];
    const rows = [baseline, loaded].flatMap((r) => [
      row(r.name, 'all boundaries', r.all, true),
      row('', 'rings 2+ (timer)', r.timerDriven, false),
      row('', 'ring 1 (start)', r.ring1, false),
    ]);
    printTable(
      `Ring boundary → onRingCount received by the UI socket (cadence ${clockSettings.ringCadence.onMs}/${clockSettings.ringCadence.offMs} ms, ${callers.length} callers ringing at once)`,
      ['scenario', 'boundaries', 'n', 'p50', 'p95', 'p99', 'max', 'goal', 'met?'],
      rows,
    );
    const cores = (c: number | null) => (c === null ? '—' : `${(c * 100).toFixed(0)} %`);
    printTable(
      'Context per scenario',
      ['scenario', 'late > goal', 'host CPU (1 core = 100 %)', 'store records/s', 'getClockSettings RTT p50/p99/max', 'bench loop delay p99/max'],
      [baseline, loaded].map((r) => [
        r.name,
        `${(r.lateShare * 100).toFixed(1)} %`,
        cores(r.hostProcess.cpuCores),
        r.storeRecordsPerSecond === null ? '—' : r.storeRecordsPerSecond.toFixed(0),
        `${ms(r.hostResponsivenessRoundTrip.median)} / ${ms(r.hostResponsivenessRoundTrip.p99)} / ${ms(r.hostResponsivenessRoundTrip.max)}`,
        `${ms(r.benchEventLoopDelay.p99Ms)} / ${ms(r.benchEventLoopDelay.maxMs)}`,
      ]),
    );
    console.log(
      `\nWrite load: ${writesInWindowPerSecond.toFixed(1)} setAgentState/s acknowledged while measuring (target ${writesPerSecond}/s; ` +
        `${loadResult.acknowledgedPerSecond.toFixed(1)}/s over the whole ${(loadResult.durationMs / 1000).toFixed(1)} s run), ` +
        `${loadResult.failed} failed, ${loadResult.skippedInFlight} slots skipped (> ${maxWritesInFlight} in flight); ` +
        `round trip p50/p99/max ${ms(loadResult.roundTrip.median)} / ${ms(loadResult.roundTrip.p99)} / ${ms(loadResult.roundTrip.max)}. ` +
        `Each change is 2 store commits (current state + segment).`,
    );
    console.log(
      `Goal: p99 ≤ ${goalP99Ms} ms under load — ${loaded.meetsGoal ? 'met' : 'NOT met'} (p99 ${ms(loaded.all.p99)}). ` +
        `Wall − monotonic drift in this process over the run: ${(wallVsMonotonicAfter - wallVsMonotonicBefore).toFixed(2)} ms. ` +
        `Run ${((Date.now() - benchStarted) / 1000).toFixed(0)} s; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${loadAfter.map((l) => l.toFixed(2)).join(' ')}.`,
    );
    if (wrongCycle > 0) console.error(`${wrongCycle} ring event(s) had a cycleMs other than ${cycleMs}`);

    writeBenchJson('clocks', {
      issueGoal: { p99Ms: goalP99Ms, minBoundaries: 500, storeWritesPerSecond: writesPerSecond },
      met: loaded.meetsGoal,
      clockSettings,
      method: {
        delay: 'Date.now() when the UI contract socket receives onRingCount − payload.boundaryWall (both integer epoch ms from the same system clock)',
        ui: 'tests/support/contractSocket.ts WebSocket client; answers onMediaRequest like the renderer',
        callers: `${callers.length} ScriptedUa callers, each calling again 100–200 ms after its call rang out (480 after ${clockSettings.missedAfterRings} rings); started ${stagger} ms apart`,
        load: `setAgentState notReady break/lunch alternating, ${writesPerSecond}/s on an absolute schedule, at most ${maxWritesInFlight} in flight, on its own socket, from ${loadWarmUpMs} ms before the loaded scenario to its end`,
        warmUpBoundariesDiscarded: warmUp.length,
      },
      scenarios: { baseline, loaded },
      load: { ...loadResult, acknowledgedPerSecondWhileMeasuring: writesInWindowPerSecond, measuringSeconds: windowSeconds },
      mediaRequestsAnswered: mediaRequests,
      ringEventsWithWrongCycle: wrongCycle,
      clock: { wallMinusMonotonicDriftMs: wallVsMonotonicAfter - wallVsMonotonicBefore },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        totalMemoryBytes: os.totalmem(),
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        node: process.version,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadAfter,
      },
      webHostBuiltAt,
      runSeconds: (Date.now() - benchStarted) / 1000,
    });
  } catch (error) {
    if (kamailio) console.error(`kamailio log tail:\n${kamailio.log().slice(-2_000)}`);
    if (host) console.error(`web host stderr tail:\n${host.stderr().slice(-2_000)}`);
    throw error;
  } finally {
    await cleanup();
    stopListening();
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
