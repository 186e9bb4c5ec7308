// A separate process that restores as Deskline does, under the data-dir lock: "staged" applies the
// restore staged from the UI (a host start), "cli" installs a backup file (`npm run restore`). It is
// killed with SIGKILL right after the given step, like a power cut at that moment.
import { applyPendingRestore, installBackup, type RestoreStep } from '../../../electron/adapters/store/engine/backupFiles';
import { acquireDataDirLock } from '../../../electron/adapters/store/engine/dataDirLock';

const [dataDir, killAfter, backupFile] = process.argv.slice(2) as [string, RestoreStep, string | undefined];
const hooks = {
  afterStep: (step: RestoreStep) => {
    if (step === killAfter) process.kill(process.pid, 'SIGKILL');
  },
};
const lock = acquireDataDirLock(dataDir);
if (backupFile) await installBackup(dataDir, backupFile, hooks);
else await applyPendingRestore(dataDir, hooks);
lock.release();
process.stdout.write('finished without being killed\n');
