// A real SIP phone for tests and the lab: Debian's baresip (baresip-core) registered over UDP to
// the bridge-enabled Kamailio, with a 440 Hz tone as its microphone, every call's decoded audio
// written to WAV files (the sndfile module), and control plus events over its ctrl_tcp socket
// (JSON in netstrings). Nothing here fakes SIP or RTP: it is the phone stack many desk phones use.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort, type RunningKamailio } from '../kamailio/kamailioHarness';
import { stopChildProcess } from '../stopChildProcess';

export const baresipBinary = '/usr/bin/baresip';

export function baresipAvailable(): boolean {
  return existsSync(baresipBinary);
}

export interface BaresipEvent {
  type: string;
  /** The call's id at the phone, where the event is about a call. */
  id?: string;
  param?: string;
  peeruri?: string;
  direction?: string;
}

export interface BaresipOptions {
  user: string;
  password: string;
  kamailio: RunningKamailio;
  /** manual (default), auto (answers at once) or early (answers with early media, 183). */
  answerMode?: 'manual' | 'auto' | 'early';
  /** Codecs the phone offers and accepts, by baresip's names (default PCMU, PCMA, G722, opus). */
  codecs?: string[];
}

export interface RunningBaresip {
  aor: string;
  /** Every event the phone reported so far, oldest first. */
  events(): BaresipEvent[];
  waitForEvent(type: string, options?: { timeoutMs?: number; after?: number; where?: (e: BaresipEvent) => boolean }): Promise<BaresipEvent>;
  /** A menu command (e.g. "dial sip:1001@deskline.test", "accept", "hangup", "hold", "resume"). */
  command(command: string, params?: string): Promise<string>;
  /** WAV files of decoded audio this phone heard (sndfile's "-dec" dumps), newest last. */
  heardFiles(): string[];
  log(): string;
  stop(): Promise<void>;
}

/** baresip's module and full codec name (name/rate/channels) for each codec a test may ask for. */
const codecTable: Record<string, { module: string; name: string }> = {
  PCMU: { module: 'g711.so', name: 'PCMU/8000/1' },
  PCMA: { module: 'g711.so', name: 'PCMA/8000/1' },
  G722: { module: 'g722.so', name: 'G722/16000/1' },
  opus: { module: 'opus.so', name: 'opus/48000/2' },
  GSM: { module: 'gsm.so', name: 'GSM/8000/1' },
};

export async function startBaresip(options: BaresipOptions): Promise<RunningBaresip> {
  if (!options.kamailio.udpPort) throw new Error('baresip needs a Kamailio started with the bridge (UDP) enabled.');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deskline-baresip-'));
  const dumps = path.join(dir, 'dumps');
  mkdirSync(dumps);
  const controlPort = await freeLoopbackPort();
  const rtpMin = 40_000 + 2 * Math.floor(Math.random() * 10_000);
  const codecs = options.codecs ?? ['PCMU', 'PCMA', 'G722', 'opus'];
  const table = codecs.map((c) => {
    const entry = codecTable[c];
    if (!entry) throw new Error(`baresip harness: unknown codec ${c}`);
    return entry;
  });
  const modules = [...new Set(table.map((c) => c.module))];
  writeFileSync(
    path.join(dir, 'config'),
    [
      'poll_method epoll',
      'sip_listen 127.0.0.1:0',
      'sip_transports udp',
      'net_interface 127.0.0.1',
      `rtp_ports ${rtpMin}-${rtpMin + 99}`,
      'audio_source ausine,440',
      'ausrc_srate 48000', // ausine makes 48 kHz stereo only; baresip resamples for the codec
      'ausrc_channels 2',
      'audio_player aubridge,nowhere',
      'audio_alert aubridge,nowhere',
      'module_path /usr/lib/baresip/modules',
      ...modules.map((m) => `module ${m}`),
      'module ausine.so',
      'module aubridge.so',
      'module sndfile.so',
      `snd_path ${dumps}`,
      'module_app account.so',
      'module_app menu.so',
      'module_app ctrl_tcp.so',
      `ctrl_tcp_listen 127.0.0.1:${controlPort}`,
      '',
    ].join('\n'),
  );
  const aor = `sip:${options.user}@${options.kamailio.domain}`;
  writeFileSync(
    path.join(dir, 'accounts'),
    `<${aor}>;auth_pass=${options.password};outbound="sip:127.0.0.1:${options.kamailio.udpPort};transport=udp";` +
      `regint=600;answermode=${options.answerMode ?? 'manual'};audio_codecs=${table.map((c) => c.name).join(',')}\n`,
  );

  let logTail = '';
  const child: ChildProcess = spawn(baresipBinary, ['-f', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const keepLog = (d: Buffer) => (logTail = (logTail + d.toString()).slice(-40_000));
  child.stdout!.on('data', keepLog);
  child.stderr!.on('data', keepLog);

  const events: BaresipEvent[] = [];
  const waiters = new Set<() => void>();
  const pending = new Map<string, (data: string) => void>();
  let tokenSeq = 0;

  const socket = await connectWithRetry(controlPort, child, () => logTail).catch((error: unknown) => {
    child.kill('SIGKILL'); // never leave a phone running behind a failed start
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length + 1) return;
      const body = buffer.subarray(colon + 1, colon + 1 + length).toString();
      buffer = buffer.subarray(colon + 1 + length + 1);
      const message = JSON.parse(body) as { event?: boolean; response?: boolean; token?: string; data?: string } & BaresipEvent;
      if (message.event) {
        events.push({ type: message.type, id: message.id, param: message.param, peeruri: message.peeruri, direction: message.direction });
        for (const wake of [...waiters]) wake();
      } else if (message.response && message.token) {
        pending.get(message.token)?.(message.data ?? '');
        pending.delete(message.token);
      }
    }
  });

  const phone: RunningBaresip = {
    aor,
    events: () => [...events],
    waitForEvent(type, { timeoutMs = 10_000, after = 0, where = () => true } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(after).find((e) => e.type === type && where(e));
          if (!found) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`baresip: no ${type} event in ${timeoutMs} ms; events: ${events.map((e) => e.type).join(', ')}\n${logTail.slice(-3000)}`));
        }, timeoutMs);
        if (!check()) waiters.add(wake);
      });
    },
    command(command, params) {
      const token = `t${++tokenSeq}`;
      const [name, ...rest] = command.split(' ');
      const json = JSON.stringify({ command: name, params: params ?? rest.join(' '), token });
      return new Promise((resolve) => {
        pending.set(token, resolve);
        socket.write(`${Buffer.byteLength(json)}:${json},`);
      });
    },
    heardFiles: () =>
      readdirSync(dumps)
        .filter((f) => /-dec\.wav$/.test(f))
        .sort()
        .map((f) => path.join(dumps, f)),
    log: () => logTail,
    async stop() {
      socket.destroy();
      await stopChildProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // REGISTER_OK may come before the control socket is up: ask for the registration state instead.
  const deadline = Date.now() + 10_000;
  // eslint-disable-next-line no-control-regex
  const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
  while (!/\sOK\s/.test(plain(await phone.command('reginfo')))) {
    if (Date.now() > deadline) {
      await phone.stop();
      throw new Error(`baresip did not register in 10 s:\n${logTail}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return phone;
}

async function connectWithRetry(port: number, child: ChildProcess, log: () => string): Promise<net.Socket> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`baresip exited (${child.exitCode}):\n${log()}`);
    const socket = await new Promise<net.Socket | null>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => resolve(s));
      s.once('error', () => resolve(null));
    });
    if (socket) return socket;
    if (Date.now() > deadline) throw new Error(`baresip control socket not up in 10 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
