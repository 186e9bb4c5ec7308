// Starts Debian's rtpengine (userspace only, no kernel module) on loopback for tests and the lab:
// the RTP <-> WebRTC bridge between plain SIP phones and the desks. Waits until its control
// socket (the "ng" protocol over UDP) answers a ping; stops it with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort } from '../kamailio/kamailioHarness';
import { stopChildProcess } from '../stopChildProcess';

export const rtpengineBinary = '/usr/bin/rtpengine';

export interface RunningRtpengine {
  /** The control socket as Kamailio's rtpengine module names it: udp:127.0.0.1:<port>. */
  controlSocket: string;
  log(): string;
  stop(): Promise<void>;
}

export function rtpengineAvailable(): boolean {
  return existsSync(rtpengineBinary);
}

/** One ng-protocol ping ("d7:command4:pinge" in bencode); resolves true on the "pong" reply. */
function ping(port: number, timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const cookie = `c${process.pid}${Date.now()}`;
    const timer = setTimeout(() => finish(false), timeoutMs);
    function finish(ok: boolean) {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    }
    socket.on('message', (message) => finish(message.toString().startsWith(`${cookie} `) && message.includes('pong')));
    socket.on('error', () => finish(false));
    socket.send(`${cookie} d7:command4:pinge`, port, '127.0.0.1');
  });
}

export async function startRtpengine(options: { portMin?: number; portMax?: number } = {}): Promise<RunningRtpengine> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'deskline-rtpengine-'));
  let logTail = '';
  for (let attempt = 0; ; attempt++) {
    const controlPort = await freeLoopbackPort();
    // Media ports: a random window so parallel test files do not collide.
    const portMin = options.portMin ?? 20_000 + 2 * Math.floor(Math.random() * 10_000);
    const portMax = options.portMax ?? portMin + 199;
    const child: ChildProcess = spawn(
      rtpengineBinary,
      [
        '--config-file=none',
        '--foreground',
        '--log-stderr',
        '--log-level=5',
        '--table=-1', // userspace forwarding: no kernel module needed
        '--interface=127.0.0.1',
        `--listen-ng=127.0.0.1:${controlPort}`,
        `--port-min=${portMin}`,
        `--port-max=${portMax}`,
        `--pidfile=${path.join(workDir, 'rtpengine.pid')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr!.on('data', (d: Buffer) => {
      logTail = (logTail + d.toString()).slice(-20_000);
    });
    const deadline = Date.now() + 10_000;
    let ready = false;
    while (!ready && Date.now() < deadline && child.exitCode === null) {
      ready = await ping(controlPort);
    }
    if (ready) {
      return {
        controlSocket: `udp:127.0.0.1:${controlPort}`,
        log: () => logTail,
        stop: async () => {
          await stopChildProcess(child);
          rmSync(workDir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    if (attempt >= 3) throw new Error(`rtpengine did not answer on its control socket:\n${logTail}`);
  }
}
