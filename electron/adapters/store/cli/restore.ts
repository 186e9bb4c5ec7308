// `npm run restore -- --data-dir <dir> --in <file>`: replaces the database with a checked backup.
// Deskline must be closed (the data-dir lock says so if not); the previous data is kept aside, and
// a crash at any point leaves the previous or the restored database (see backupFiles.ts).
// An encrypted backup or data folder needs the passphrase (issue 13); a wrong one changes nothing.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writePendingAudit } from '../repositories/audit/pendingAudit';
import { installBackup } from '../engine/backupFiles';
import { acquireDataDirLock, DataDirLockedError } from '../engine/dataDirLock';
import { requiredPaths, runCli } from './cliArgs';
import { cliStoreKey, passphraseOption } from './cliStoreKey';
import { readSealedFileHeader } from '../engine/sealedImage';
import { isNewStore, resolveStoreKey } from '../engine/storeKeyFile';

/** Unreadable counts as sealed here: installBackup then says what is wrong with it. */
function isSealedFile(file: string): boolean {
  try {
    return readSealedFileHeader(file) !== null;
  } catch {
    return true;
  }
}
import { describeTightening, restrictNewFiles, tightenDataDir } from '../../files/privateFiles';

restrictNewFiles(); // S-6: the output (and anything else this creates) is this user's only

runCli(
  async () => {
    const argv = process.argv.slice(2);
    const args = requiredPaths(argv, ['data-dir', 'in'], 'npm run restore -- --data-dir <dir> --in <file> [--passphrase-file <file>]', [passphraseOption]);
    mkdirSync(args['data-dir'], { recursive: true, mode: 0o700 });
    const lock = acquireDataDirLock(args['data-dir']);
    try {
      // First: a wrong passphrase stops here, with nothing changed.
      const { key, protector } = await cliStoreKey(argv, args['data-dir']);
      // A new folder restored with a passphrase is encrypted, a plain backup included (the way to
      // convert a plain store). A sealed backup brings its own key (installBackup checks it first).
      const storeKey = key ?? (protector && isNewStore(args['data-dir']) && !isSealedFile(args.in) ? await resolveStoreKey(args['data-dir'], { protector }) : null);
      const tightened = describeTightening(tightenDataDir(args['data-dir']));
      if (tightened) process.stderr.write(`Deskline: ${tightened}\n`);
      const { check, previousMovedTo } = await installBackup(args['data-dir'], args.in, {}, false, { storeKey, protector });
      // S-6: the restored log learns of it at the next start (the app imports audit-pending/).
      writePendingAudit(args['data-dir'], {
        at: Date.now(),
        actorId: `os-user:${os.userInfo().username}`,
        actorRole: 'admin',
        action: 'restore.apply',
        subject: path.basename(args.in),
        detail: { via: 'npm run restore', file: args.in, calls: check.calls, customers: check.customers },
      });
      const kept = previousMovedTo ? ` The previous data was kept in ${previousMovedTo}.` : '';
      return `Restored ${check.calls} calls and ${check.customers} customers (schema ${check.schemaVersion}) from ${args.in}.${kept}`;
    } finally {
      lock.release();
    }
  },
  (error) => (error instanceof DataDirLockedError ? 3 : 1),
);
