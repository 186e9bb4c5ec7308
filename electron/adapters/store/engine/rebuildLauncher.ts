// Starts the store's rebuild process (snapshots, backups: rebuildProcess.ts) and runs jobs in it.
// Which way it is started depends on the host: plain Node forks it; Electron's main process gets
// a launcher injected from electron/main (a utility process); anywhere else the rebuilds fall back
// to a worker thread of the host, the old way (it works, but shares the host's memory).
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RebuildJob, RebuildResult } from './rebuildJob';
import type { RebuildReply, RebuildRequest } from './rebuildProtocol';
import type { EngineReply } from './storeWorkerProtocol';
import { spawnStoreWorker } from './workerEntry';
import { passphraseVariable } from './passphraseSource';

/** A started rebuild process as the store needs it; Node's ChildProcess and Electron's UtilityProcess both fit. */
export interface RebuildProcess {
  send(message: RebuildRequest): void;
  onMessage(listener: (message: RebuildReply) => void): void;
  /** Called once when the process has ended (or could not be started), with how. */
  onExit(listener: (how: string) => void): void;
  kill(): void;
}

/** The port a host injects to start the rebuild process its own way (Electron: utilityProcess.fork). */
export type StartRebuildProcess = (entryFile: string) => RebuildProcess;

/** File name of the bundled rebuild process entry, next to the bundled host in .out/main (see build.mjs). */
export const bundledRebuildEntryName = 'store-rebuild.js';

export type RebuildLaunch = 'injected' | 'fork' | 'workerThread';

export interface RebuildRuntime {
  /** process.versions.electron: set in every process Electron's binary runs, Node mode included. */
  electronVersion: string | undefined;
  /** process.type: 'browser' in Electron's main process, undefined when Electron runs as Node. */
  processType: string | undefined;
  /** process.env.ELECTRON_RUN_AS_NODE */
  runAsNode: string | undefined;
  injected: boolean;
}

/**
 * How to start the rebuild process. Plain Node: fork. Electron's binary running as Node
 * (ELECTRON_RUN_AS_NODE set, as for the CLIs): fork too, as the child inherits the variable and the
 * RunAsNode fuse evidently lets it work. Electron's main process: Electron's fork depends on that
 * fuse, and with the fuse off the "child" would start a second Deskline instead of a Node process;
 * Electron recommends utility processes there, which only electron/main can start, so it injects
 * a launcher. Without one, the worker thread is the safe way that always works.
 */
export function chooseRebuildLaunch(runtime: RebuildRuntime): RebuildLaunch {
  if (runtime.injected) return 'injected';
  if (runtime.electronVersion === undefined) return 'fork';
  if (runtime.processType === undefined && (runtime.runAsNode ?? '') !== '') return 'fork';
  return 'workerThread';
}

export function currentRebuildRuntime(injected: boolean): RebuildRuntime {
  return {
    electronVersion: process.versions.electron,
    processType: (process as { type?: string }).type,
    runAsNode: process.env.ELECTRON_RUN_AS_NODE,
    injected,
  };
}

const fromSource = import.meta.url.endsWith('.ts');

/** The rebuild process's entry: the bundled file, or the source when running under tsx (tests, CLIs). */
export function rebuildEntryFile(): string {
  return fileURLToPath(new URL(fromSource ? './rebuildProcess.ts' : `./${bundledRebuildEntryName}`, import.meta.url));
}

/** Node's child_process.fork; from source the child registers tsx first, as this process did. */
export function forkRebuildProcess(entryFile: string): RebuildProcess {
  const execArgv = fromSource ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
  // The data key goes in IPC messages only; a passphrase variable is never inherited (issue 13).
  const env = { ...process.env };
  delete env[passphraseVariable];
  const child = fork(entryFile, [], { execArgv, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  return {
    send: (message) => child.send(message),
    onMessage: (listener) => child.on('message', (message) => listener(message as RebuildReply)),
    onExit: (listener) => {
      child.once('exit', (code, signal) => listener(signal ?? `exit code ${code}`));
      child.once('error', (error) => listener(error.message)); // could not be started at all
    },
    kill: () => child.kill('SIGKILL'),
  };
}

/** A rebuild under way: its outcome. */
export interface RebuildRunner {
  run(job: RebuildJob): Promise<RebuildResult>;
  /** Stops what is running (its jobs fail) and ends the rebuild process. */
  close(): void;
}

/**
 * Starts the rebuild process now, while the host is small (the store calls this before it loads
 * the database): forking a process copies the parent's page tables under its memory-map lock, so
 * starting it next to a 2.7 GB database stalled the host for ~90 ms. If the process dies (killed),
 * its jobs fail and the next job starts a new one.
 */
export function startRebuildRunner(injected?: StartRebuildProcess): RebuildRunner {
  const launch = chooseRebuildLaunch(currentRebuildRuntime(injected !== undefined));
  if (launch === 'workerThread') return workerThreadRunner();
  return new ProcessRunner(launch === 'injected' ? injected! : forkRebuildProcess);
}

class ProcessRunner implements RebuildRunner {
  private child: { process: RebuildProcess; ready: Promise<boolean> } | null = null;
  private jobs = new Map<number, (result: RebuildResult) => void>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly start: StartRebuildProcess) {
    this.child = this.launch();
  }

  private launch() {
    const child = this.start(rebuildEntryFile());
    let markReady: (ok: boolean) => void = () => {};
    const ready = new Promise<boolean>((resolve) => (markReady = resolve));
    child.onMessage((reply) => {
      if (reply.type === 'ready') return markReady(true);
      this.jobs.get(reply.id)?.(reply.result);
      this.jobs.delete(reply.id);
    });
    child.onExit((how) => {
      markReady(false);
      if (this.child?.process === child) this.child = null;
      const message = this.closed ? 'stopped: the store is closing' : `the rebuild process ended early (${how})`;
      for (const settle of this.jobs.values()) settle({ type: 'failed', message });
      this.jobs.clear();
    });
    return { process: child, ready };
  }

  async run(job: RebuildJob): Promise<RebuildResult> {
    if (this.closed) return { type: 'failed', message: 'stopped: the store is closing' };
    const child = (this.child ??= this.launch());
    const id = this.nextId++;
    const result = new Promise<RebuildResult>((resolve) => this.jobs.set(id, resolve));
    if (await child.ready) child.process.send({ type: 'run', id, job });
    return result; // settled by the reply, or by the process ending
  }

  close(): void {
    this.closed = true;
    this.child?.process.kill();
  }
}

function workerThreadRunner(): RebuildRunner {
  const running = new Set<() => void>();
  let closed = false;
  return {
    run(job) {
      if (closed) return Promise.resolve({ type: 'failed', message: 'stopped: the store is closing' });
      const worker = spawnStoreWorker(job);
      return new Promise<RebuildResult>((resolve) => {
        const stop = () => void worker.terminate();
        running.add(stop);
        const settle = (result: RebuildResult) => {
          running.delete(stop);
          void worker.terminate();
          resolve(result);
        };
        worker.once('message', (reply: EngineReply) =>
          settle(reply.type === 'snapshotWritten' || reply.type === 'backupWritten' || reply.type === 'failed' ? reply : { type: 'failed', message: `unexpected reply ${reply.type}` }),
        );
        worker.once('error', (error) => settle({ type: 'failed', message: error.message }));
        worker.once('exit', () => settle({ type: 'failed', message: closed ? 'stopped: the store is closing' : 'the rebuild thread ended early' }));
      });
    },
    close() {
      closed = true;
      for (const stop of running) stop();
    },
  };
}
