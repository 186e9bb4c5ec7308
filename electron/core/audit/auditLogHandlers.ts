// The audit-log contract's handlers: the filtered list and the CSV export (admins only, by contract).
import type { auditLogMethods } from '../../../shared/contract/auditLog';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { AuditLogService } from './auditLogService';

export type AuditLogHandlers = Pick<ApiHandlers, keyof typeof auditLogMethods>;

export function auditLogHandlers(service: AuditLogService): AuditLogHandlers {
  return {
    listAuditLog: (request) => service.list(request),
    exportAuditLog: ({ format: _format, ...filters }, caller) => service.exportCsv(filters, caller),
  };
}
