// Stops a server a test harness started: SIGTERM, then SIGKILL if it has not exited in time.
// (Not for Kamailio: SIGKILL on its main process orphans its workers with the port; see sip-notes.)
import type { ChildProcess } from 'node:child_process';

export async function stopChildProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
