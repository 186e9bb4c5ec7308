// The softphone: SIP registration and calls over the host's SIP adapter, media in the renderer.
// Other features follow its calls through `service` (onCallEvent, state, isLive, dial…).
import { WakeDetector } from '../../../shared/domain/wakeDetector';
import { Listeners } from '../../../shared/domain/listeners';
import type { Feature, Kernel } from '../kernel/feature';
import { InMemoryCallLists } from './inMemoryCallLists';
import { MediaBridge } from './mediaBridge';
import type { SoftphonePorts } from './ports';
import { softphoneHandlers, type SoftphoneHandlers } from './softphoneHandlers';
import { SoftphoneService } from './softphoneService';
import { SoftphoneSettings, type PersonalPhoneAccount } from './softphoneSettings';

export type { SoftphoneService } from './softphoneService';
export type { MediaBridge } from './mediaBridge';
export { eventViewFor } from './softphoneNumberViews';

export interface SoftphoneFeature extends Feature<keyof SoftphoneHandlers> {
  service: SoftphoneService;
  media: MediaBridge;
  /** A (re)started page asked for its calls' audio back (reattachMedia) and now hears media requests. */
  onMediaReattached(listener: () => void): () => void;
}

export interface SoftphoneNeeds {
  /** Hot-desking (issue 13): the phone account an admin set for a person, with its password. */
  phoneAccountOf(userId: string): Promise<PersonalPhoneAccount | null>;
}

export async function createSoftphone(kernel: Kernel, ports: SoftphonePorts, needs?: SoftphoneNeeds): Promise<SoftphoneFeature> {
  const { clock, logger, eventHub } = kernel;
  const media = new MediaBridge({ clock, send: (request) => eventHub.emit('onMediaRequest', request) });
  const settings = new SoftphoneSettings(kernel.settings, ports.secrets, logger);
  const service = new SoftphoneService({
    clock,
    sip: ports.createSip(media),
    settings,
    callLists: ports.callLists ?? new InMemoryCallLists(),
    eventHub,
    logger,
  });
  // After a sleep the SIP WebSocket is usually dead and the binding may have expired: reconnect now.
  const wake = new WakeDetector(clock, (sleptMs) => {
    logger.info('The machine woke from sleep; reconnecting the softphone', { sleptMs });
    service.networkChanged();
  });
  wake.start();
  service.onClose(() => wake.stop());
  if (ports.autoRegister !== false && (await settings.account())) {
    void service.register().catch((error: unknown) => logger.warn('Softphone registration failed', { error: String(error) }));
  }
  // Hot-desking (issue 13): the desk registers as the agent signed in at it, in the order they come and go.
  let deskChange = Promise.resolve();
  const stopHotDesking = kernel.desk.onChange((agent) => {
    deskChange = deskChange
      .then(async () => service.useDeskAccount(agent && needs ? await needs.phoneAccountOf(agent.userId) : null))
      .catch((error: unknown) => logger.warn('Could not register the desk as the signed-in agent', { error: String(error) }));
  });
  service.onClose(stopHotDesking);
  const reattached = new Listeners<[]>();
  return {
    service,
    media,
    handlers: softphoneHandlers(service, media, () => kernel.desk.ownerId(), () => reattached.emit()),
    onMediaReattached: (listener) => reattached.add(listener),
    // The phone first on the way down: calls it ends still reach the clocks and the log.
    close: () => service.close(),
  };
}
