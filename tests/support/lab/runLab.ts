// `npm run lab`: the project's Kamailio on loopback plus scripted callers and, where rtpengine
// and baresip are installed, a real SIP phone behind an RTP <-> WebRTC bridge, so a person can
// try calls by hand against a running Deskline (register it with the printed settings).
//
//   npm run lab [-- --port 5066] [-- --agent 1001] [-- --no-phone]
// Keys: c = call the agent, t = call the agent from a second caller (call waiting),
//       h = hang up the caller's calls, p = the real phone calls the agent, a = the real phone
//       answers, x = the real phone hangs up, s = status, q = quit.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { baresipAvailable, startBaresip, type RunningBaresip } from '../baresip/baresipHarness';
import { startKamailio } from '../kamailio/kamailioHarness';
import { rtpengineAvailable, startRtpengine, type RunningRtpengine } from '../rtpengine/rtpengineHarness';
import { ScriptedUa, type ScriptedCall } from '../sipUa/scriptedUa';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5066' },
    agent: { type: 'string', default: '1001' },
    password: { type: 'string', default: 'lab-agent' },
    'no-phone': { type: 'boolean', default: false },
  },
});

const agent = values.agent!;
const wantPhone = !values['no-phone'];
const canPhone = rtpengineAvailable() && baresipAvailable();
if (wantPhone && !canPhone) {
  console.log('No real phone: install rtpengine-daemon and baresip-core from apt for the RTP <-> WebRTC path.');
}
const rtpengine: RunningRtpengine | null = wantPhone && canPhone ? await startRtpengine() : null;
const kamailio = await startKamailio({
  port: Number(values.port),
  users: [
    { user: agent, password: values.password! },
    { user: '3001', password: 'lab-caller' },
    { user: '3002', password: 'lab-caller-2' },
    { user: '2002', password: 'lab-colleague' },
    { user: '2001', password: 'lab-phone' },
  ],
  ...(rtpengine ? { bridge: { rtpengineSocket: rtpengine.controlSocket } } : {}),
});
// A real SIP phone (baresip over UDP, plain RTP with a 440 Hz tone as its microphone): its calls
// cross rtpengine exactly as calls from desk phones and gateways reach a browser softphone.
const phone: RunningBaresip | null = rtpengine ? await startBaresip({ user: '2001', password: 'lab-phone', kamailio }) : null;
const callers = [
  new ScriptedUa({ server: kamailio.url, user: '3001', password: 'lab-caller', domain: kamailio.domain, displayName: 'Lab Caller' }),
  new ScriptedUa({ server: kamailio.url, user: '3002', password: 'lab-caller-2', domain: kamailio.domain, displayName: 'Second Caller' }),
];
// 2002 answers everything: a target for blind and attended transfers.
const colleague = new ScriptedUa({ server: kamailio.url, user: '2002', password: 'lab-colleague', domain: kamailio.domain, autoAnswer: true });
await Promise.all([...callers, colleague].map((ua) => ua.start()));

const live = new Set<ScriptedCall>();

console.log(`
Deskline lab — Kamailio ${kamailio.url} (domain ${kamailio.domain})

In Deskline's Settings enter:
  Server:       ${kamailio.url}
  SIP URI:      sip:${agent}@${kamailio.domain}
  Auth user:    ${agent}
  Password:     ${values.password}

Scripted users: 3001 and 3002 call you; 2002 answers any call (transfer target).
${
  phone
    ? `Real phone: 2001 (baresip, UDP ${kamailio.udpPort}, bridged by rtpengine). Dial 2001 from Deskline to ring it.`
    : 'Real phone: not started.'
}
Keys: c = call ${agent} from 3001, t = call from 3002 (call waiting), h = hang up, s = status, q = quit
${phone ? 'Real phone keys: p = 2001 calls you, a = 2001 answers, x = 2001 hangs up' : ''}
`);

async function callAgent(from: ScriptedUa): Promise<void> {
  const call = await from.call(agent);
  live.add(call);
  console.log(`→ ${from.aor} calling ${agent}…`);
  call.established.then(
    () => console.log(`✓ ${agent} answered ${from.aor}`),
    () => console.log(`✗ call from ${from.aor} not answered${call.rejectedWith ? ` (${call.rejectedWith})` : ''}`),
  );
  void call.terminated.then(() => {
    live.delete(call);
    console.log(`· call from ${from.aor} ended${call.byeReceived ? ' (agent hung up)' : ''}`);
  });
}


async function quit(): Promise<void> {
  await Promise.all([...callers, colleague].map((ua) => ua.stop()));
  await phone?.stop();
  await kamailio.stop();
  await rtpengine?.stop();
  process.exit(0);
}

readline.emitKeypressEvents(process.stdin);
if (process.stdin.isTTY) process.stdin.setRawMode(true);
process.stdin.on('keypress', (_text: string, key: { name?: string; ctrl?: boolean }) => {
  const run = (work: Promise<unknown>) => work.catch((error: unknown) => console.error(String(error)));
  if (key.name === 'q' || (key.ctrl && key.name === 'c')) void run(quit());
  else if (key.name === 'c') void run(callAgent(callers[0]!));
  else if (key.name === 't') void run(callAgent(callers[1]!));
  else if (key.name === 'h') void run(Promise.all([...live].map((call) => call.hangUp())));
  else if (phone && key.name === 'p') void run(phone.command('dial', `sip:${agent}@${kamailio.domain}`).then(() => console.log(`→ 2001 calling ${agent}…`)));
  else if (phone && key.name === 'a') void run(phone.command('accept').then(() => console.log('✓ 2001 answered')));
  else if (phone && key.name === 'x') void run(phone.command('hangup').then(() => console.log('· 2001 hung up')));
  else if (key.name === 's') console.log(`${live.size} call(s) from the scripted callers; Kamailio ${kamailio.running() ? 'running' : 'stopped'}`);
});
process.on('SIGINT', () => void quit());
process.on('SIGTERM', () => void quit());
