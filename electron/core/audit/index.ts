// S-6: the audit log every feature records views, exports and changes in (its ports in ./ports),
// the entry for a caller doing something now, and the audit feature itself: admins read the log
// with filters and export it as CSV.
import type { Feature, Kernel } from '../kernel/feature';
import { auditLogHandlers, type AuditLogHandlers } from './auditLogHandlers';
import { AuditLogService } from './auditLogService';
import type { AuditLog, AuditLogReader } from './ports';

export { auditEntry } from './auditEntry';
export type { AuditEntry, AuditLog, AuditLogReader } from './ports';

export type AuditFeature = Feature<keyof AuditLogHandlers>;

export function createAudit(kernel: Kernel, ports: { log: AuditLog; reader: AuditLogReader }): AuditFeature {
  const service = new AuditLogService({ log: ports.log, reader: ports.reader, clock: kernel.clock });
  return { handlers: auditLogHandlers(service), close: () => undefined };
}
