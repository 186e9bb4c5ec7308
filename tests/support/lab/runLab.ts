// `npm run lab`: the project's Kamailio on loopback plus a scripted caller, so a person can try
// incoming calls by hand against a running Deskline (register it with the printed settings).
//
//   npm run lab [-- --port 5066] [-- --agent 1001]
// Keys: c = call the agent, t = call the agent from a second caller (call waiting),
//       h = hang up the caller's calls, s = status, q = quit.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { startKamailio } from '../kamailio/kamailioHarness';
import { ScriptedUa, type ScriptedCall } from '../sipUa/scriptedUa';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5066' },
    agent: { type: 'string', default: '1001' },
    password: { type: 'string', default: 'lab-agent' },
  },
});

const agent = values.agent!;
const kamailio = await startKamailio({
  port: Number(values.port),
  users: [
    { user: agent, password: values.password! },
    { user: '3001', password: 'lab-caller' },
    { user: '3002', password: 'lab-caller-2' },
    { user: '2002', password: 'lab-colleague' },
  ],
});
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
Keys: c = call ${agent} from 3001, t = call from 3002 (call waiting), h = hang up, s = status, q = quit
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
  await kamailio.stop();
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
  else if (key.name === 's') console.log(`${live.size} call(s) from the scripted callers; Kamailio ${kamailio.running() ? 'running' : 'stopped'}`);
});
process.on('SIGINT', () => void quit());
process.on('SIGTERM', () => void quit());
