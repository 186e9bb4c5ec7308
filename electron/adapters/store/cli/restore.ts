// `npm run restore -- --data-dir <dir> --in <file>`: replaces the database with a checked backup.
// Deskline must be closed (the data-dir lock says so if not); the previous data is kept aside, and
// a crash at any point leaves the previous or the restored database (see backupFiles.ts).
import { mkdirSync } from 'node:fs';
import { installBackup } from '../engine/backupFiles';
import { acquireDataDirLock, DataDirLockedError } from '../engine/dataDirLock';
import { requiredPaths, runCli } from './cliArgs';
import { describeTightening, restrictNewFiles, tightenDataDir } from '../../files/privateFiles';

restrictNewFiles(); // S-6: the output (and anything else this creates) is this user's only

runCli(
  async () => {
    const args = requiredPaths(process.argv.slice(2), ['data-dir', 'in'], 'npm run restore -- --data-dir <dir> --in <file>');
    mkdirSync(args['data-dir'], { recursive: true, mode: 0o700 });
    const lock = acquireDataDirLock(args['data-dir']);
    try {
      const tightened = describeTightening(tightenDataDir(args['data-dir']));
      if (tightened) process.stderr.write(`Deskline: ${tightened}\n`);
      const { check, previousMovedTo } = await installBackup(args['data-dir'], args.in);
      const kept = previousMovedTo ? ` The previous data was kept in ${previousMovedTo}.` : '';
      return `Restored ${check.calls} calls and ${check.customers} customers (schema ${check.schemaVersion}) from ${args.in}.${kept}`;
    } finally {
      lock.release();
    }
  },
  (error) => (error instanceof DataDirLockedError ? 3 : 1),
);
