// Messages between the store and its rebuild process (rebuildProcess.ts): the process says it is
// ready, then runs each job it is given and answers each once, by the job's id. A job of an
// encrypted store carries the data key (base64) in this IPC message: never in argv or env.
import type { RebuildJob, RebuildResult } from './rebuildJob';

export type RebuildRequest = { type: 'run'; id: number; job: RebuildJob };

export type RebuildReply = { type: 'ready'; pid: number } | { type: 'done'; id: number; result: RebuildResult };

export function isRebuildRequest(message: unknown): message is RebuildRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, id, job } = message as { type?: unknown; id?: unknown; job?: { mode?: unknown; dataDir?: unknown; upToSeq?: unknown; key?: unknown } };
  return (
    type === 'run' &&
    typeof id === 'number' &&
    (job?.mode === 'snapshot' || job?.mode === 'backup') &&
    typeof job.dataDir === 'string' &&
    typeof job.upToSeq === 'number' &&
    (job.key === undefined || job.key === null || typeof job.key === 'string')
  );
}
