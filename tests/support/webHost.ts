// Starts the built web host (.out/main/web-host.js) as a real child process and waits for its
// ready line; `npm test` builds first. Used by integration and e2e tests. Issue 13: then creates
// the first admin from the printed setup code and one account per role, and signs in the person
// the test acts as (`as`, or the old `--role <role>` argument; default an agent).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../shared/contract/roles';
import { provisionPeople, resumeTokenFor, takeRoleArgument } from './identity/provisionWebHost';
import { registerSignedInOrigin, signedInPagesInUse } from './identity/signedInPages';
import { testPeople, type TestPerson } from './identity/testPeople';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webHostEntry = path.join(repoRoot, '.out/main/web-host.js');
const readyPattern = /^Deskline ready at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m;

export interface RunningWebHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
  /** The person sockets and pages sign in as by default (issue 13). */
  person: TestPerson;
  /** A session of {@link person}: pages on this host open signed in with it (e2e files only; else null). */
  resumeToken: string | null;
}

export function tempDataDir(prefix = 'deskline-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startWebHost(
  options: { dataDir?: string; lang?: string; port?: number; extraArgs?: string[]; env?: Record<string, string>; as?: Role; provision?: boolean } = {},
): Promise<RunningWebHost> {
  const dataDir = options.dataDir ?? tempDataDir();
  const args = [webHostEntry, '--port', String(options.port ?? 0), '--data-dir', dataDir];
  if (options.lang) args.push('--lang', options.lang);
  // There is no --role any more: the argument tests passed now names the person they act as.
  const { args: extraArgs, role } = takeRoleArgument(options.extraArgs ?? []);
  args.push(...extraArgs);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host not ready in 20 s\nstdout: ${out}\nstderr: ${err}`)), 20_000);
    const check = () => {
      const m = out.match(readyPattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}\nstdout: ${out}\nstderr: ${err}`));
    });
  });
  const port = Number(match[2]);
  const origin = `http://127.0.0.1:${port}`;
  const person = testPeople[options.as ?? role];
  const address = { port, token: match[3]!, origin, stderr: () => err, dataDir };
  let resumeToken: string | null = null;
  try {
    // `provision: false`: a first start as a person finds it (tests of the setup itself).
    if (options.provision !== false) await provisionPeople(address);
    if (options.provision !== false && signedInPagesInUse()) {
      resumeToken = await resumeTokenFor(address, person);
      await registerSignedInOrigin(origin, resumeToken);
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    person,
    resumeToken,
    url: match[1]!,
    origin,
    port,
    token: match[3]!,
    dataDir,
    process: child,
    stdout: () => out,
    stderr: () => err,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
