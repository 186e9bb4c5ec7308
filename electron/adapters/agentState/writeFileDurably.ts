// Atomic, durable small-file write: temp file -> fsync -> rename -> fsync the directory.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function writeFileDurably(file: string, contents: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(temp, 'w', 0o600); // S-6: private to this user, whatever the umask
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
