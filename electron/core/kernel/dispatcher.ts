// The one door into the core for both hosts: validates the method name and payload against the
// contract, enforces the method's roles, runs the handler and wraps the outcome in an envelope.
import { z } from 'zod';
import {
  api,
  isMethodName,
  type MethodName,
  type ParsedRequestOf,
  type ReplyOf,
} from '../../../shared/contract/api';
import { ContractError, type Envelope } from '../../../shared/contract/envelope';
import { findIllFormedText } from '../../../shared/contract/wellFormedText';
import type { CallerContext } from './caller';
import { recordDeclaredAudit, type DeclaredAuditDeps } from './declaredAudit';
import type { Logger } from './platformPorts';

/** A missing handler is a compile error: every contract method must be implemented. */
export type ApiHandlers = {
  [M in MethodName]: (
    request: ParsedRequestOf<M>,
    caller: CallerContext,
  ) => Promise<ReplyOf<M>> | ReplyOf<M>;
};

export type Dispatch = (
  method: unknown,
  payload: unknown,
  caller: CallerContext,
) => Promise<Envelope<unknown>>;

/** `audit`: where methods that declare an audit entry (settings, backups) record it; createCore always passes it. */
export function createDispatcher(handlers: ApiHandlers, logger: Logger, audit?: DeclaredAuditDeps): Dispatch {
  return async (method, payload, caller) => {
    if (!isMethodName(method)) {
      return failure('UNKNOWN_METHOD', `Unknown method: ${describe(method)}`);
    }
    const spec = api[method];
    if (!spec.roles.includes(caller.role)) {
      return failure('FORBIDDEN', `Role "${caller.role}" may not call ${method}.`);
    }
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      return failure('VALIDATION', `Invalid ${method} request: ${z.prettifyError(parsed.error)}`);
    }
    // Text the store could not keep as it is (a lone surrogate) is refused, not silently changed.
    const illFormed = findIllFormedText(parsed.data);
    if (illFormed !== null) {
      return failure('VALIDATION', `Invalid ${method} request: the text at ${illFormed} is not valid Unicode (it holds half of a surrogate pair).`);
    }
    try {
      const handler = handlers[method] as (req: unknown, caller: CallerContext) => unknown;
      const value = spec.reply.parse(await handler(parsed.data, caller));
      if (audit) {
        try {
          await recordDeclaredAudit(method, spec, parsed.data, value, caller, audit); // S-6
        } catch (error) {
          logger.error(`${method} succeeded but its audit entry could not be recorded`, { error: String(error) });
          return failure('INTERNAL', `${method} was done, but it could not be recorded in the audit log: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ContractError) return failure(error.code, error.message);
      logger.error(`Handler for ${method} failed`, { error: String(error) });
      return failure('INTERNAL', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

function failure(code: ContractError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 100)) : typeof value;
}
