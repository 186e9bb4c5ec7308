// S-6: records the audit entry a contract method declares (`audit:` in its spec: settings changes,
// backups, restores) once the method has succeeded. One place for every such method, so a feature
// cannot forget it and a new save* method is audited by declaring it in the contract.
import type { AuditDeclaration, MethodSpec } from '../../../shared/contract/defineMethod';
import type { Clock } from '../../../shared/domain/clock';
import type { Role } from '../../../shared/contract/roles';
import type { CallerContext } from './caller';

/**
 * Where the entry goes: the audit feature's AuditLog port (electron/core/audit/ports.ts) fits this
 * shape; the kernel names only the shape, as it depends on no feature.
 */
export interface DeclaredAuditLog {
  record(entry: { at: number; actorId: string; actorRole: Role; action: string; subject: string | null; detail: Record<string, unknown> | null }): Promise<void>;
}

export interface DeclaredAuditDeps {
  log: DeclaredAuditLog;
  clock: Pick<Clock, 'wallNow'>;
}

/** The names of the request's fields, sorted; never their values (a setting may hold a secret). */
function fieldNames(request: unknown): Record<string, unknown> | null {
  return typeof request === 'object' && request !== null ? { fields: Object.keys(request).sort() } : null;
}

/** Resolves once the entry is durable; does nothing for a method that declares no audit. */
export async function recordDeclaredAudit(method: string, spec: MethodSpec, request: unknown, reply: unknown, caller: CallerContext, deps: DeclaredAuditDeps): Promise<void> {
  const declared = spec.audit as AuditDeclaration | undefined;
  if (declared === undefined) return;
  await deps.log.record({
    at: deps.clock.wallNow(),
    actorId: caller.userId,
    actorRole: caller.role,
    action: declared.action,
    subject: declared.subject ? declared.subject(request, reply) : method,
    detail: { method, ...(declared.detail ? declared.detail(request, reply) : fieldNames(request)) },
  });
}
