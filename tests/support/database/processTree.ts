// Linux /proc helpers for tests of the store's rebuild process: a process's children, whether a
// pid still runs, and the nice value of each thread of a process.
import { readdirSync, readFileSync } from 'node:fs';

/** Fields after the command name in /proc/<pid>/stat (the name may hold spaces); index 1 is ppid, 16 is nice. */
function statFields(file: string): string[] | null {
  try {
    const stat = readFileSync(file, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // ended while we looked
  }
}

/** Pids of the running (not zombie) children of `parent` whose command line contains `marker`. */
export function childProcesses(parent: number, marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(`/proc/${name}/stat`);
    if (!fields || Number(fields[1]) !== parent || fields[0] === 'Z') continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker)) found.push(Number(name));
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** True while `pid` exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  const fields = statFields(`/proc/${pid}/stat`);
  return fields !== null && fields[0] !== 'Z';
}

/** Nice values of the threads of `pid` ('self' for this process). */
export function threadNiceValues(pid: number | 'self'): number[] {
  const values: number[] = [];
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return values;
  }
  for (const tid of tids) {
    const fields = statFields(`/proc/${pid}/task/${tid}/stat`);
    if (fields) values.push(Number(fields[16]));
  }
  return values;
}

/** Polls `condition` every few ms until it holds or `timeoutMs` pass; resolves with whether it held. */
export async function waitFor(condition: () => boolean, timeoutMs: number, everyMs = 2): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return condition();
}
