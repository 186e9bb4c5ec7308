// Entry of the store's rebuild process. The store starts it when it opens and keeps it; each
// snapshot or backup (rebuildJob.ts) runs here on a fresh worker thread, whose gigabyte-sized
// memory goes back when it ends. As a worker thread of the host, that memory was the host's:
// growing and freeing it takes the process-wide memory-map lock, and the host's journal and main
// threads waited on that lock for up to hundreds of milliseconds (issue 12). Starting this process
// only when a snapshot is due would cost as much (fork copies the big host's page tables).
// Started by Node's child_process.fork (IPC through process.send) or, in Electron, as a utility
// process (IPC through process.parentPort); see rebuildLauncher.ts.
import type { EngineReply } from './storeWorkerProtocol';
import { lowerThisProcessPriority } from './backgroundPriority';
import { isRebuildRequest, type RebuildReply } from './rebuildProtocol';
import { spawnStoreWorker } from './workerEntry';

/** What Electron gives a utility process (typed here: adapters never import electron). */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

interface ParentChannel {
  send(message: RebuildReply): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Exit status when the host is gone: nothing is left to write for. */
const hostGoneExitCode = 3;

function parentChannel(): ParentChannel {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return { send: (m) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data)) };
  }
  if (process.send) {
    // The host gone (crashed, killed) closes the IPC channel: stop rather than write on as an orphan.
    process.on('disconnect', () => process.exit(hostGoneExitCode));
    return { send: (m) => process.send!(m), onMessage: (l) => process.on('message', l) };
  }
  throw new Error('The rebuild process must be started by the store (no IPC channel to its parent).');
}

const parentPid = process.ppid;

/**
 * True once the process that started this one is gone: an orphan is given a new parent (POSIX),
 * or the old pid no longer exists (Windows keeps ppid as it was). Asked once a second, for hosts
 * whose channel has no 'disconnect' event (Electron's parentPort).
 */
function parentGone(): boolean {
  if (process.ppid !== parentPid) return true;
  try {
    process.kill(parentPid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

lowerThisProcessPriority(); // the worker threads started below inherit it
const channel = parentChannel();
setInterval(() => {
  if (parentGone()) process.exit(hostGoneExitCode);
}, 1000);

channel.onMessage((message) => {
  if (!isRebuildRequest(message)) return; // only the store talks to this process
  const { id, job } = message;
  const worker = spawnStoreWorker(job);
  let answered = false;
  const answer = (reply: EngineReply | { type: 'failed'; message: string }) => {
    if (answered) return;
    answered = true;
    const result = reply.type === 'snapshotWritten' || reply.type === 'backupWritten' || reply.type === 'failed' ? reply : { type: 'failed' as const, message: `unexpected reply ${reply.type}` };
    channel.send({ type: 'done', id, result });
    void worker.terminate(); // frees the rebuilt database's memory now
  };
  worker.once('message', answer);
  worker.once('error', (error) => answer({ type: 'failed', message: error.message }));
  worker.once('exit', (code) => answer({ type: 'failed', message: `the rebuild thread ended early (exit code ${code})` }));
});
channel.send({ type: 'ready', pid: process.pid });
