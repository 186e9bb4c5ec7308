// What the page learns about its host first: which host, which version, the language override.
import type { Feature, Kernel } from '../kernel/feature';

export type AppInfoFeature = Feature<'getAppInfo'>;

export function createAppInfo(kernel: Kernel): AppInfoFeature {
  return { handlers: { getAppInfo: () => ({ ...kernel.hostInfo }) }, close: () => undefined };
}
