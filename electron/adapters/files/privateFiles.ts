// S-6: everything under the data folder is the owner's alone: files 0600, folders 0700. New files
// get it from the process umask (set once at each entry point) and from explicit modes where they
// are created; files left by older versions (or copied in) are tightened at start.
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** The mode of every file Deskline creates in the data folder (folders: privateDirMode). */
export const privateFileMode = 0o600;
export const privateDirMode = 0o700;

/**
 * Makes every file and folder this process creates from now on private to its user, whatever the
 * library creating it asks for (conf, Chromium, copies). Only the main thread may change the umask
 * (Node throws in a worker), and workers share the process's umask anyway.
 */
export function restrictNewFiles(): void {
  if (isMainThread) process.umask(0o077);
}

export interface TightenResult {
  /** Paths (relative to the data folder) whose mode was narrowed, with the old mode. */
  changed: Array<{ path: string; from: string }>;
  /** The walk stopped at the entry limit; the rest is tightened at a later start. */
  truncated: boolean;
  failed: Array<{ path: string; error: string }>;
}

/**
 * Removes group and other access from everything under `dataDir` (and from it). Symbolic links are
 * neither followed nor changed (chmod would change their target, which may be outside the folder).
 * Bounded in depth and entries, so a huge cache cannot stall start-up. On Windows, chmod only sets
 * the read-only flag, so nothing is done there (the user profile's ACLs protect the folder).
 */
export function tightenDataDir(dataDir: string, limits: { maxEntries?: number; maxDepth?: number } = {}, platform = process.platform): TightenResult {
  const result: TightenResult = { changed: [], truncated: false, failed: [] };
  if (platform === 'win32') return result;
  const maxEntries = limits.maxEntries ?? 50_000;
  const maxDepth = limits.maxDepth ?? 12;
  let seen = 0;
  const visit = (full: string, depth: number) => {
    if (seen++ >= maxEntries) {
      result.truncated = true;
      return;
    }
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      return; // removed while we walked
    }
    if (stat.isSymbolicLink()) return;
    const isDir = stat.isDirectory();
    if (!isDir && !stat.isFile()) return; // sockets, fifos: leave alone
    // Only group and other bits are removed; the owner's own bits (a read-only file) stay.
    if ((stat.mode & 0o077) !== 0) {
      const from = (stat.mode & 0o777).toString(8).padStart(3, '0');
      try {
        chmodSync(full, stat.mode & 0o700);
        result.changed.push({ path: path.relative(dataDir, full) || '.', from });
      } catch (error) {
        result.failed.push({ path: path.relative(dataDir, full) || '.', error: (error as Error).message });
      }
    }
    if (!isDir || depth >= maxDepth) return;
    let names: string[];
    try {
      names = readdirSync(full);
    } catch {
      return;
    }
    for (const name of names) {
      if (result.truncated) return;
      visit(path.join(full, name), depth + 1);
    }
  };
  visit(dataDir, 0);
  return result;
}

/** One log line for what tightenDataDir did (null when there is nothing to say). */
export function describeTightening(result: TightenResult): string | null {
  if (result.changed.length === 0 && result.failed.length === 0 && !result.truncated) return null;
  const shown = result.changed.slice(0, 10).map((c) => `${c.path} (was ${c.from})`);
  const more = result.changed.length > shown.length ? ` and ${result.changed.length - shown.length} more` : '';
  const failed = result.failed.length ? ` Could not tighten: ${result.failed.slice(0, 5).map((f) => `${f.path}: ${f.error}`).join('; ')}.` : '';
  const truncated = result.truncated ? ' Stopped at the entry limit; the rest is checked at the next start.' : '';
  return `Data folder access narrowed to this user only (S-6): ${result.changed.length} item(s)${shown.length ? `: ${shown.join(', ')}${more}` : ''}.${failed}${truncated}`;
}
