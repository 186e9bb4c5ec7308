// Starts the store's rebuild process (snapshots, backups) as an Electron utility process. Electron's
// child_process.fork in the main process works only while the RunAsNode fuse is on, and with it off
// the "child" would be a second Deskline; utility processes are what Electron recommends for a
// standalone Node process, and only the main process can start them, so it injects this (issue 12).
import { utilityProcess } from 'electron';
import type { StartRebuildProcess } from '../adapters/store/engine/rebuildLauncher';
import type { RebuildReply } from '../adapters/store/engine/rebuildProtocol';

export const startUtilityRebuildProcess: StartRebuildProcess = (entryFile) => {
  const child = utilityProcess.fork(entryFile, [], { serviceName: 'Deskline store rebuild', stdio: 'inherit' });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: RebuildReply) => listener(message)),
    onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
    kill: () => void child.kill(),
  };
};
