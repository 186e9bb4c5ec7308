// The one way Deskline writes a file that must survive a crash or power cut: write a temp file next
// to it, flush it, then give it its name and flush the folder. A reader sees the old file or the
// new one, never half of one. Every file is created 0600 (S-6), whatever the umask.
import { closeSync, existsSync, fdatasyncSync, fsyncSync, linkSync, mkdirSync, openSync, promises as fs, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Flushing in slices keeps the dirty data of a big file small. On ext4 (data=ordered) the journal's
 * fdatasync has to wait for other files' dirty data in the same transaction, so writing a 1 GB
 * snapshot in one go and syncing at the end stalled commits for seconds; with 8 MB slices a
 * commit waits at most for one slice.
 */
const syncSliceBytes = 8 * 1024 * 1024;

export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `file` with `data` (temp `${file}.tmp`, flushed in slices, renamed). The caller syncs the folder. */
export function writeFileDurablySync(file: string, data: Uint8Array | string): void {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeAllSync(fd, typeof data === 'string' ? Buffer.from(data) : data, true);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/** Replaces `file` with `contents` and syncs its folder: durable when this resolves. */
export async function writeFileDurably(file: string, contents: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
  const dir = await fs.open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/**
 * Writes a file that must not exist yet, whole or not at all: the temp file is hard-linked to the
 * name, which fails if the name was taken in the meantime (a rename would silently replace it).
 * Where hard links are not supported, a rename after a last check. The temp file is always
 * removed, so a failure leaves nothing behind. `taken` makes the error for a name already in use.
 */
export function writeNewFileDurablySync(file: string, text: string, taken: (file: string) => Error): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeAllSync(fd, Buffer.from(text, 'utf8'), false);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw taken(file);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      if (existsSync(file)) throw taken(file);
      renameSync(temp, file);
    }
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
  try {
    fsyncDir(path.dirname(file)); // makes the new name durable; some platforms cannot fsync a directory
  } catch {
    // The file is complete either way; only its survival of a power cut right now is less certain.
  }
}

function writeAllSync(fd: number, buffer: Uint8Array, inSlices: boolean): void {
  let written = 0;
  while (written < buffer.length) {
    const end = inSlices ? Math.min(buffer.length, written + syncSliceBytes) : buffer.length;
    while (written < end) written += writeSync(fd, buffer, written, end - written);
    if (inSlices) fdatasyncSync(fd);
  }
  fsyncSync(fd);
}
