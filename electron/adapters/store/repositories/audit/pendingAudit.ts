// S-6: every export of customer data goes to the audit log, including `npm run report`. The CLI
// reads the database read-only, without the app's lock, so it cannot write audit_log. It writes its
// entry as a file of its own in <data-dir>/audit-pending/ (temp file, fsync, rename: the app never
// sees half an entry) before it writes the export (no entry, no export), and the app moves pending
// entries into audit_log when it opens the data dir and as soon as one appears while it runs.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { roleSchema } from '../../../../../shared/contract/roles';
import type { AuditEntry, AuditLog } from '../../../../core/audit/ports';
import type { Logger } from '../../../../core/kernel/platformPorts';
import { fsyncDir, writeFileDurablySync } from '../../../files/durableFiles';

const pendingDirName = 'audit-pending';
const isEntryFile = (name: string) => name.endsWith('.json');

const entrySchema = z
  .object({
    at: z.number(),
    actorId: z.string(),
    actorRole: roleSchema,
    action: z.string(),
    subject: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .strict();

export function pendingAuditDir(dataDir: string): string {
  return path.join(dataDir, pendingDirName);
}

/** Writes one entry durably; the caller must not go on if this throws. */
export function writePendingAudit(dataDir: string, entry: AuditEntry): void {
  const dir = pendingAuditDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `${entry.at}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  writeFileDurablySync(path.join(dir, `${name}.json`), JSON.stringify(entry)); // its temp name is no entry
  fsyncDir(dir);
}

/**
 * Moves every complete pending entry into the audit log, oldest first, deleting each file once its
 * entry is recorded (a crash in between records it twice at worst, never loses it). A file that is
 * not an entry is logged and moved aside as .damaged rather than retried forever.
 */
export async function importPendingAudit(dataDir: string, audit: AuditLog, logger: Logger): Promise<number> {
  const dir = pendingAuditDir(dataDir);
  if (!existsSync(dir)) return 0;
  let imported = 0;
  for (const name of readdirSync(dir).filter(isEntryFile).sort()) {
    const file = path.join(dir, name);
    let entry: AuditEntry;
    try {
      entry = entrySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      logger.warn('A pending audit entry could not be read; kept aside as .damaged', { file: name, error: String(error) });
      renameSync(file, `${file}.damaged`);
      continue;
    }
    await audit.record(entry);
    unlinkSync(file);
    imported++;
  }
  return imported;
}

/** Imports now and whenever the pending file appears while the app runs; returns the stop function. */
export function watchPendingAudit(dataDir: string, audit: AuditLog, logger: Logger): () => void {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running
      .then(() => importPendingAudit(dataDir, audit, logger))
      .catch((error: unknown) => logger.error('Pending audit entries could not be imported', { error: String(error) }));
  };
  let watcher: FSWatcher | null = null;
  try {
    mkdirSync(pendingAuditDir(dataDir), { recursive: true, mode: 0o700 });
    watcher = watch(pendingAuditDir(dataDir), (_event, name) => {
      if (name && isEntryFile(name)) run();
    });
  } catch (error) {
    logger.warn('Cannot watch the data dir for command-line audit entries; they are imported at the next start', { error: String(error) });
  }
  run();
  return () => watcher?.close();
}
