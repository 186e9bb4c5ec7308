// The audit entry for a caller doing something now (S-6).
import type { Clock } from '../../../shared/domain/clock';
import type { CallerContext } from '../kernel/caller';
import type { AuditEntry } from './ports';

/** The entry for `caller` doing `action` now. */
export function auditEntry(
  clock: Pick<Clock, 'wallNow'>,
  caller: CallerContext,
  action: string,
  subject: string | null,
  detail: Record<string, unknown> | null = null,
): AuditEntry {
  return { at: clock.wallNow(), actorId: caller.userId, actorRole: caller.role, action, subject, detail };
}
