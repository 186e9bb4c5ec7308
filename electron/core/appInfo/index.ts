// What the page learns about its host first: which host, which version, the language override,
// and the role and user the calling session acts as.
import type { Feature, Kernel } from '../kernel/feature';

export type AppInfoFeature = Feature<'getAppInfo'>;

export function createAppInfo(kernel: Kernel): AppInfoFeature {
  return { handlers: { getAppInfo: (_request, caller) => ({ ...kernel.hostInfo, role: caller.role, userId: caller.userId }) }, close: () => undefined };
}
