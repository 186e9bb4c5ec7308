// Starts the project's Kamailio config (apt's /usr/sbin/kamailio) in the foreground on a free
// loopback port, waits until it answers a SIP WebSocket handshake, and stops it with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const kamailioBinary = '/usr/sbin/kamailio';
export const kamailioConfig = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kamailio.cfg');
/** The SIP domain and digest realm the config serves (an `alias` in kamailio.cfg). */
export const sipDomain = 'deskline.test';

export interface SipUser {
  user: string;
  password: string;
}

export interface KamailioOptions {
  users: SipUser[];
  /** Fixed port (e.g. the lab's); default: a free one. */
  port?: number;
  /**
   * Also listen on UDP for plain SIP phones and bridge their RTP to the WebRTC desks through this
   * rtpengine control socket (see route[BRIDGE] in kamailio.cfg).
   */
  bridge?: { rtpengineSocket: string; udpPort?: number };
}

export interface RunningKamailio {
  port: number;
  /** ws://127.0.0.1:<port> */
  url: string;
  domain: string;
  /** With `bridge`: the UDP port plain SIP phones register to (127.0.0.1). */
  udpPort: number | null;
  /** The last part of Kamailio's stderr, for failure messages. */
  log(): string;
  stop(): Promise<void>;
  /** Stop and start again on the same port: registrations are lost (kept in memory only). */
  restart(): Promise<void>;
  /** Whether the main process is running. */
  running(): boolean;
}

/** Digest HA1 as Kamailio's pv_www_authenticate(…, flags=1) expects it. */
export function digestHa1(user: string, password: string, realm = sipDomain): string {
  return createHash('md5').update(`${user}:${realm}:${password}`).digest('hex');
}

/** A port nobody listens on right now (the kernel's choice for port 0). */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function writeUsersTable(dir: string, users: SipUser[]): void {
  // db_text format: a header naming the htable columns, then one colon-separated row per key.
  const rows = users.map((u) => {
    if (!/^[\w.+-]+$/.test(u.user)) throw new Error(`Unsupported SIP user name for the lab: ${u.user}`);
    return `${u.user}:0:0:${digestHa1(u.user, u.password)}:0`;
  });
  writeFileSync(
    path.join(dir, 'users'),
    ['key_name(str) key_type(int) value_type(int) key_value(str) expires(int)', ...rows, ''].join('\n'),
    { mode: 0o600 },
  );
}

/** Resolves once a WebSocket with subprotocol "sip" opens (Kamailio's workers are up). */
async function waitUntilReady(url: string, child: ChildProcess, stderr: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`kamailio exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${stderr()}`);
    }
    const opened = await new Promise<boolean>((resolve) => {
      const socket = new WebSocket(url, 'sip');
      const done = (ok: boolean) => {
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        socket.terminate();
        resolve(ok);
      };
      socket.once('open', () => done(true));
      socket.once('error', () => done(false));
    });
    if (opened) return;
    if (Date.now() > deadline) throw new Error(`kamailio not ready in ${timeoutMs} ms:\n${stderr()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startKamailio(options: KamailioOptions): Promise<RunningKamailio> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'deskline-kamailio-'));
  const usersDir = path.join(workDir, 'users');
  const runDir = path.join(workDir, 'run');
  mkdirSync(usersDir);
  mkdirSync(runDir);
  writeUsersTable(usersDir, options.users);

  let port = options.port ?? 0;
  let child: ChildProcess | null = null;
  let stderrTail = '';
  const log = () => stderrTail;

  let udpPort = options.bridge ? (options.bridge.udpPort ?? 0) : null;
  const bridgeArgs = async (): Promise<string[]> => {
    if (!options.bridge) return [];
    udpPort ||= await freeLoopbackPort();
    return ['-A', 'WITH_BRIDGE', '-A', `SIP_UDP_PORT=${udpPort}`, '-A', `RTPENGINE_SOCK="${options.bridge.rtpengineSocket}"`];
  };

  const launch = async (chosenPort: number): Promise<ChildProcess> => {
    const proc = spawn(
      kamailioBinary,
      [
        '-f', kamailioConfig,
        '-A', `WS_PORT=${chosenPort}`,
        '-A', `USERS_DB="text://${usersDir}"`,
        ...(await bridgeArgs()),
        '-DD', '-E', '-Y', runDir, '-m', '64', '-M', '8',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    proc.stderr!.on('data', (d: Buffer) => {
      stderrTail = (stderrTail + d.toString()).slice(-20_000);
    });
    await waitUntilReady(`ws://127.0.0.1:${chosenPort}`, proc, log);
    return proc;
  };

  const start = async (): Promise<void> => {
    // A port probed free can be taken before Kamailio binds it (exit 255): try a few.
    for (let attempt = 0; ; attempt++) {
      const chosen = port || options.port || (await freeLoopbackPort());
      try {
        child = await launch(chosen);
        port = chosen;
        return;
      } catch (error) {
        if (options.port || port || attempt >= 4) throw error;
        if (options.bridge && !options.bridge.udpPort) udpPort = 0; // it may be the UDP port that was taken
      }
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    // SIGTERM only: the main process then stops its workers. SIGKILL would orphan them with the port.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        // Still alive after 10 s: leave a clear trace rather than kill -9 (see sip-notes).
        process.stderr.write(`kamailio ${proc.pid} did not stop within 10 s\n`);
        resolve();
      }, 10_000);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  };

  await start();
  return {
    get port() {
      return port;
    },
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    domain: sipDomain,
    get udpPort() {
      return udpPort;
    },
    log,
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    stop: async () => {
      await stop();
      rmSync(workDir, { recursive: true, force: true });
    },
    restart: async () => {
      await stop();
      // The same port: clients reconnect to the URL they were given.
      for (let attempt = 0; ; attempt++) {
        try {
          child = await launch(port);
          return;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    },
  };
}
