// What the desktop shell tells the agent through the page (issue 21): window restarts, and when a
// (re)started page has its media engine running again (it asked the softphone for its audio back).
import type { Feature, Kernel } from '../kernel/feature';
import type { SoftphoneFeature } from '../softphone';
import { ShellNoticesService } from './shellNoticesService';

export type { ShellNoticesService } from './shellNoticesService';

export interface ShellNoticesFeature extends Feature<'getShellNotices' | 'dismissShellNotice'> {
  service: ShellNoticesService;
}

export function createShellNotices(kernel: Kernel, needs: { softphone: SoftphoneFeature }): ShellNoticesFeature {
  const { softphone } = needs;
  const service = new ShellNoticesService({ clock: kernel.clock, callsUp: () => softphone.service.hasLiveCalls() });
  const stop = softphone.onMediaReattached(() => service.rendererStarted());
  return {
    service,
    handlers: {
      getShellNotices: () => service.notices(),
      dismissShellNotice: ({ notice }) => service.dismiss(notice),
    },
    close: () => stop(),
  };
}
