// S-6: the audit log every feature records views, exports and changes in (its port in ./ports), and
// the entry for a caller doing something now.
import type { Clock } from '../../../shared/domain/clock';
import type { CallerContext } from '../kernel/caller';
import type { AuditEntry } from './ports';

export type { AuditEntry, AuditLog } from './ports';

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
