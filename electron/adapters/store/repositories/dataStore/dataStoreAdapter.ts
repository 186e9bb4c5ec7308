// DataStorePort over the running store: backups into <data-dir>/backups, restores staged for the
// next start.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../../../shared/contract/envelope';
import type { BackupInfo } from '../../../../../shared/contract/dataStore';
import type { DataStorePort } from '../../../../core/dataStore/ports';
import { backupsDir, pendingRestoreFile } from '../../engine/backupFiles';
import type { Store } from '../../engine/store';

export function createDataStoreAdapter(store: Store, dataDir: string, notices: string[]): DataStorePort {
  const dir = backupsDir(dataDir);
  return {
    status() {
      const s = store.status();
      return {
        lastSeq: s.lastSeq,
        lastSnapshotSeq: s.lastSnapshotSeq,
        // applyErrors are transactions refused when they were made (the committer got the error), not losses.
        recoveryProblems: s.recovery.problems,
        recordsReplayed: s.recovery.recordsReplayed,
        notices,
      };
    },
    async backupNow() {
      const fileName = `deskline-${new Date().toISOString().replace(/[:]/g, '-').replace(/\..*$/, '')}.sqlite`;
      const { bytes } = await store.backupTo(path.join(dir, fileName));
      return { fileName, bytes, createdAt: Date.now() };
    },
    async listBackups() {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      const infos: BackupInfo[] = [];
      for (const fileName of names.filter((n) => /^deskline-.*\.sqlite$/.test(n))) {
        const stat = await fs.stat(path.join(dir, fileName));
        infos.push({ fileName, bytes: stat.size, createdAt: Math.round(stat.mtimeMs) });
      }
      return infos.sort((a, b) => b.createdAt - a.createdAt);
    },
    async stageRestore(fileName) {
      const file = path.join(dir, fileName);
      let check;
      try {
        check = await store.checkBackup(file); // in a worker (a sealed backup with the store's key): the host keeps serving calls meanwhile
      } catch (error) {
        throw new ContractError('VALIDATION', (error as Error).message);
      }
      // On the thread pool: a big backup copied synchronously would stall calls and the UI.
      await fs.copyFile(file, pendingRestoreFile(dataDir));
      await fs.chmod(pendingRestoreFile(dataDir), 0o600); // S-6: a copy keeps the source's mode, not ours
      return `${fileName} (${check.calls} calls, ${check.customers} customers) will be restored when Deskline next starts; the current data will be kept aside.`;
    },
  };
}
