// The retention contract handlers (S-6).
import type { retentionMethods } from '../../../shared/contract/retention';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { RetentionService } from './retentionService';

export type RetentionHandlers = Pick<ApiHandlers, keyof typeof retentionMethods>;

export function retentionHandlers(service: RetentionService): RetentionHandlers {
  return {
    getRetentionSettings: () => service.status(),
    saveRetentionSettings: (request, caller) => service.save(request, caller),
    previewRetention: (_request, caller) => service.dryRun(caller),
    runRetention: ({ previewId }, caller) => service.runNow(previewId, caller),
  };
}
