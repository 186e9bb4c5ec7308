// The shape of one contract method: request and reply schemas plus the roles allowed to call it.
import type { z } from 'zod';
import type { Role } from './roles';

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  /** What the method does, for readers of the contract. */
  readonly summary: string;
  readonly request: Req;
  readonly reply: Rep;
  readonly roles: readonly Role[];
  /**
   * S-6: the method changes something the audit log must show (settings, backups, restores). The
   * dispatcher records the entry after the method succeeds and before it replies, for every method
   * that declares one, so no feature can forget it.
   */
  readonly audit?: AuditDeclaration<z.output<Req>, z.output<Rep>>;
}

/** What the audit log records when a method that declares it succeeds. */
export interface AuditDeclaration<Req = unknown, Rep = unknown> {
  /** A dotted verb, e.g. settings.change, backup.create. */
  readonly action: string;
  /** What it was done to; the method's name when absent. */
  readonly subject?: (request: Req, reply: Rep) => string | null;
  /**
   * What to record about it. Absent: the names of the request's fields, never their values, so a
   * setting holding a secret (a SIP password) is never written to the log.
   */
  readonly detail?: (request: Req, reply: Rep) => Record<string, unknown> | null;
}

export function defineMethod<Req extends z.ZodType, Rep extends z.ZodType>(
  spec: MethodSpec<Req, Rep>,
): MethodSpec<Req, Rep> {
  return spec;
}
