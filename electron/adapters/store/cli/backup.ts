// `npm run backup -- --data-dir <dir> --out <file>`: a consistent copy of the database as a plain
// SQLite file. It reads the snapshot + journal without changing anything, so it works while
// Deskline is running (it copies every write acknowledged when it read the journal). An encrypted
// store's backup is encrypted too, with its data key, and carries the wrapped key (issue 13).
import { existsSync } from 'node:fs';
import os from 'node:os';
import { writePendingAudit } from '../repositories/audit/pendingAudit';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { recoverDatabase } from '../engine/recovery';
import { queryRows } from '../engine/sqlEngine';
import { writeFileDurablySync } from '../../files/durableFiles';
import { storePaths } from '../engine/storeFiles';
import { requiredPaths, runCli } from './cliArgs';
import { restrictNewFiles } from '../../files/privateFiles';
import { cliStoreKey, passphraseOption } from './cliStoreKey';
import { sealImage } from '../engine/sealedImage';

restrictNewFiles(); // S-6: the output (and anything else this creates) is this user's only

runCli(async () => {
  const argv = process.argv.slice(2);
  const args = requiredPaths(argv, ['data-dir', 'out'], 'npm run backup -- --data-dir <dir> --out <file> [--passphrase-file <file>]', [passphraseOption]);
  const paths = storePaths(args['data-dir']);
  if (!existsSync(paths.dir)) throw new Error(`${args['data-dir']} holds no Deskline database (no ${paths.dir}).`);
  if (existsSync(args.out)) throw new Error(`${args.out} already exists; choose a new file name (a backup never overwrites).`);
  const { key, record } = await cliStoreKey(argv, args['data-dir']);
  const { db, report } = await recoverDatabase(paths, { readOnly: true, key });
  try {
    const calls = Number(queryRows(db, 'SELECT count(*) AS n FROM calls')[0]?.n ?? 0);
    const plain = db.export();
    const image = key ? sealImage(key, plain, 'backup', record ?? undefined) : plain;
    await mkdir(path.dirname(args.out), { recursive: true, mode: 0o700 }); // S-6
    // S-6: recorded before the copy exists (no entry, no copy); the app imports it into audit_log.
    writePendingAudit(args['data-dir'], {
      at: Date.now(),
      actorId: `os-user:${os.userInfo().username}`,
      actorRole: 'admin',
      action: 'backup.create',
      subject: path.basename(args.out),
      detail: { via: 'npm run backup', out: args.out, calls, bytes: image.length },
    });
    writeFileDurablySync(args.out, image);
    const warnings = report.problems.length ? ` Warnings: ${report.problems.join(' ')}` : '';
    return `Backed up ${calls} calls (journal record ${report.lastSeq}, ${image.length} bytes${key ? ', encrypted' : ''}) to ${args.out}.${warnings}`;
  } finally {
    db.close();
  }
});
