// Who a process is, beyond its pid (which the OS reuses): its start time and the boot it belongs to.
// Linux: /proc/<pid>/stat field 22 (start time in clock ticks since boot) and
// /proc/sys/kernel/random/boot_id. macOS and other Unixes: `ps -o lstart=` (start time to the
// second). Windows offers neither cheaply: a live pid counts as the owner unless the machine was
// rebooted since the owner started (boot time from os.uptime()).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface ProcessIdentity {
  pid: number;
  /** Linux only: start time in clock ticks since boot (exact, never reused within a boot). */
  startTicks: string | null;
  /** Linux only: the kernel's id for this boot. */
  bootId: string | null;
  /** Wall-clock start, to the millisecond (null in locks written by older versions). */
  startedAt: number | null;
}

/** ps reports seconds and wall clocks drift a little; a pid reused within this margin is not told apart. */
const startToleranceMs = 2_500;
/**
 * Where no boot id exists, "started before this boot" compares wall-clock times, which a clock
 * set forward could fake for a live owner; only an owner this much older than the boot counts.
 */
const bootToleranceMs = 10 * 60_000;

export function linuxStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) is in parentheses and may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 overall; fields[0] is field 3
  } catch {
    return null;
  }
}

function linuxBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

let own: ProcessIdentity | null = null;

export function processIdentity(): ProcessIdentity {
  own ??= {
    pid: process.pid,
    startTicks: linuxStartTicks(process.pid),
    bootId: linuxBootId(),
    startedAt: Math.round(Date.now() - process.uptime() * 1000),
  };
  return own;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Start time of a running process from `ps` (macOS, BSD); null where ps is missing or says nothing. */
function psStartedAt(pid: number): number | null {
  if (process.platform === 'win32') return null;
  try {
    const text = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 3_000, env: { ...process.env, LC_ALL: 'C' } });
    const at = Date.parse(text.trim());
    return Number.isFinite(at) ? at : null;
  } catch {
    return null;
  }
}

/** Is the process that `owner` describes still running? Says why not when it is not. */
export function sameProcessStillRunning(owner: ProcessIdentity, self: ProcessIdentity): { alive: true } | { alive: false; why: string } {
  const bootIds = owner.bootId !== null && self.bootId !== null;
  if (bootIds && owner.bootId !== self.bootId) return { alive: false, why: 'ran before the last reboot' };
  const bootedAt = Date.now() - os.uptime() * 1000;
  if (!bootIds && owner.startedAt !== null && owner.startedAt < bootedAt - bootToleranceMs) return { alive: false, why: 'started before the last reboot' };
  if (!pidExists(owner.pid)) return { alive: false, why: 'no longer exists' };
  if (owner.startTicks && self.bootId && owner.bootId === self.bootId) {
    const now = linuxStartTicks(owner.pid);
    if (now !== null) return now === owner.startTicks ? { alive: true } : { alive: false, why: 'ended; its pid now belongs to another process' };
  }
  if (owner.startedAt !== null) {
    const now = psStartedAt(owner.pid);
    if (now !== null && Math.abs(now - owner.startedAt) > startToleranceMs) return { alive: false, why: 'ended; its pid now belongs to another process' };
  }
  return { alive: true }; // cannot tell a reused pid apart here: the safe answer is "running"
}
