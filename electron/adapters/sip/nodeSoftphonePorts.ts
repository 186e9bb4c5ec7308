// The softphone ports a Node host passes to createCore (CorePorts.softphone): sip.js signalling
// whose media goes through the core's renderer bridge, and the file-key secret store. The Electron
// shell passes the same SIP adapter with a safeStorage-backed SecretStore instead.
import type { Clock } from '../../../shared/domain/clock';
import type { Logger } from '../../core/kernel/platformPorts';
import type { SoftphonePorts } from '../../core/softphone/ports';
import type { SecretStore } from '../../core/softphone/ports';
import { FileKeySecretStore } from '../secrets/fileKeySecretStore';
import { SipJsPhone } from './sipJsPhone';

export function createNodeSoftphonePorts(options: {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  secrets?: SecretStore;
  autoRegister?: boolean;
}): SoftphonePorts {
  return {
    createSip: (media) => new SipJsPhone({ media, clock: options.clock, logger: options.logger }),
    secrets: options.secrets ?? new FileKeySecretStore(options.dataDir),
    autoRegister: options.autoRegister,
  };
}
