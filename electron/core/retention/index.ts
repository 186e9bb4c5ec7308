// S-6 retention: the admin's retention period, a dry run, runs on demand and daily; all audited.
import type { AuditLog } from '../audit';
import type { Feature, Kernel } from '../kernel/feature';
import type { RetentionRepository } from './ports';
import { retentionHandlers, type RetentionHandlers } from './retentionHandlers';
import { RetentionService } from './retentionService';
import { RetentionSettingsStore } from './retentionSettings';

export type RetentionFeature = Feature<keyof RetentionHandlers>;

export function createRetention(kernel: Kernel, ports: { repository: RetentionRepository; audit: AuditLog }): RetentionFeature {
  const service = new RetentionService({
    repository: ports.repository,
    audit: ports.audit,
    clock: kernel.clock,
    settings: new RetentionSettingsStore(kernel.settings),
    logger: kernel.logger,
  });
  service.start();
  return { handlers: retentionHandlers(service), close: () => service.close() };
}
