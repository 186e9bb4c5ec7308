// Re-registration bench (issue 21): "server back → registered", p50 and p95 over 20 restarts of
// the phone server under a registered desk. Goal: p95 ≤ 5 s.
//
// A real Kamailio and the real sip.js adapter (SipJsPhone with its default backoff, probe and
// timers on the system clock). Each round stops Kamailio for a random 2–20 s outage (long enough
// for the backoff to grow: 1, 2, 4, 8, 16 s …), starts it on the same port, and times from the
// moment it accepts WebSocket connections again to the desk's "registered".
// DESKLINE_BENCH_RESTARTS=N rounds (default 20); DESKLINE_BENCH_MAX_OUTAGE_MS (default 20000).
import os from 'node:os';
import { SipJsPhone } from '../../electron/adapters/sip/sipJsPhone';
import { StaticSdpMedia } from '../../electron/adapters/sip/staticSdpMedia';
import type { SipPortListener } from '../../electron/core/softphone/ports';
import { systemClock } from '../../electron/core/kernel/systemClock';
import type { RegistrationStatus } from '../../shared/contract/softphone';
import { startKamailio } from '../support/kamailio/kamailioHarness';
import { cleanUpOnSignal, ms, printTable, summarize, writeBenchJson } from './support/benchStats';

const rounds = Number(process.env.DESKLINE_BENCH_RESTARTS ?? 20);
const maxOutageMs = Number(process.env.DESKLINE_BENCH_MAX_OUTAGE_MS ?? 20_000);
const goalP95Ms = 5000;
const user = { user: '1001', password: 'agent-secret' };

let kamailio = await startKamailio({ users: [user] });
const port = kamailio.port;
let latest: RegistrationStatus = { kind: 'unregistered' };
const waiters: (() => void)[] = [];
const phone = new SipJsPhone({ media: new StaticSdpMedia(), clock: systemClock, logger: { info: () => undefined, warn: () => undefined, error: console.error } });
phone.setListener({
  onRegistration: (status) => {
    latest = status;
    for (const wake of waiters.splice(0)) wake();
  },
} as Partial<SipPortListener> as SipPortListener);
const stopListening = cleanUpOnSignal(async () => {
  await phone.stop();
  await kamailio.stop();
});
const registered = () =>
  new Promise<void>((resolve) => {
    const check = () => (latest.kind === 'registered' ? resolve() : waiters.push(check));
    check();
  });

await phone.start({ serverUrl: kamailio.url, sipUri: `sip:1001@${kamailio.domain}`, authUser: '1001', password: user.password, displayName: '', iceServers: [] });
await registered();

const samples: number[] = [];
const outages: number[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    const outage = 2000 + Math.round(Math.random() * (maxOutageMs - 2000));
    await kamailio.stop();
    await new Promise((r) => setTimeout(r, outage));
    kamailio = await startKamailio({ users: [user], port }); // resolves once it answers a WebSocket handshake
    const backAt = performance.now();
    await registered();
    samples.push(performance.now() - backAt);
    outages.push(outage);
    process.stdout.write(`round ${round + 1}/${rounds}: outage ${(outage / 1000).toFixed(1)} s → registered ${ms(samples.at(-1)!)} after the server was back\n`);
  }
} finally {
  stopListening();
  await phone.stop();
  await kamailio.stop();
}

const summary = summarize(samples);
printTable(
  `Server back → registered over ${samples.length} restarts (load average ${os.loadavg()[0]!.toFixed(2)})`,
  ['metric', 'median', 'p95', 'max', 'goal p95'],
  [['server back → registered', ms(summary.median), ms(summary.p95), ms(summary.max), `≤ ${goalP95Ms} ms ${summary.p95 <= goalP95Ms ? 'met' : 'NOT met'}`]],
);
writeBenchJson('reRegistration', { rounds: samples.length, outagesMs: outages, samplesMs: samples, summary, goalP95Ms, loadAverage: os.loadavg() });
